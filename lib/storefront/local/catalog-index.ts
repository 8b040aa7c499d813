import type {
  Catalog,
  CatalogDiscount,
  CatalogProduct,
  CatalogSubscription,
  CatalogVariant,
} from '@/lib/content/catalog-types';

export interface IndexedVariant {
  product: CatalogProduct;
  variant: CatalogVariant;
}

export interface IndexedPlan {
  /** The id part of the plan's GID, and what a cart line stores. */
  key: string;
  product: CatalogProduct;
  plan: CatalogSubscription;
}

/**
 * A plan's identity is its product and interval (content allows one plan per interval per product),
 * so a cart line keeps its plan when a marketer changes the percentage or the name, and the new
 * price applies. "vitamin-d3-k2-30d": the last dash separates the interval, so keys never collide.
 */
export const planKey = (product: CatalogProduct, plan: CatalogSubscription) =>
  `${product.handle}-${plan.intervalDays}d`;

/** A product's plans with their keys, in the order product.yaml lists them. */
export const plansOf = (product: CatalogProduct): IndexedPlan[] =>
  product.subscriptions.map((plan) => ({ key: planKey(product, plan), product, plan }));

/** Lookups the resolvers need, built once from the catalog in content/. */
export class CatalogIndex {
  private readonly products = new Map<string, CatalogProduct>();
  private readonly variants = new Map<string, IndexedVariant>();
  private readonly plans = new Map<string, IndexedPlan>();
  private readonly discounts = new Map<string, CatalogDiscount>();

  constructor(readonly catalog: Catalog) {
    for (const product of catalog.products) {
      this.products.set(product.handle, product);
      for (const variant of product.variants) this.variants.set(variant.sku, { product, variant });
      for (const indexed of plansOf(product)) this.plans.set(indexed.key, indexed);
    }
    for (const discount of catalog.discounts) this.discounts.set(discount.code, discount);
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

  plan(key: string): IndexedPlan | undefined {
    return this.plans.get(key);
  }

  /** By the code in capitals, as content/discounts.yaml writes it. */
  discount(code: string): CatalogDiscount | undefined {
    return this.discounts.get(code);
  }
}
