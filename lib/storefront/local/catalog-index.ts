import type { Catalog, CatalogProduct, CatalogVariant } from '@/lib/content/catalog-types';

export interface IndexedVariant {
  product: CatalogProduct;
  variant: CatalogVariant;
}

/** Lookups the resolvers need, built once from the catalog in content/. */
export class CatalogIndex {
  private readonly products = new Map<string, CatalogProduct>();
  private readonly variants = new Map<string, IndexedVariant>();

  constructor(readonly catalog: Catalog) {
    for (const product of catalog.products) {
      this.products.set(product.handle, product);
      for (const variant of product.variants) this.variants.set(variant.sku, { product, variant });
    }
  }

  get currency(): string {
    return this.catalog.currency;
  }

  product(handle: string): CatalogProduct | undefined {
    return this.products.get(handle);
  }

  variant(sku: string): IndexedVariant | undefined {
    return this.variants.get(sku);
  }
}
