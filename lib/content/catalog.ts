import type { Catalog, CatalogImage } from './catalog-types';
import type { Content } from './types';

/** The part of the content the embedded local store sells. */
export function toCatalog(content: Content): Catalog {
  return {
    currency: content.site.currency,
    products: content.products.map((product) => ({
      handle: product.handle,
      title: product.name,
      vendor: product.brand,
      description: product.description,
      image: withoutMarkup(product.image),
      variants: product.variants.map((variant) => ({
        sku: variant.sku,
        size: variant.size,
        title: variant.title,
        price: variant.price,
        compareAtPrice: variant.compareAtPrice,
        stock: variant.stock,
        image: variant.image && withoutMarkup(variant.image),
      })),
      subscriptions: product.subscriptions,
    })),
    discounts: content.discounts,
  };
}

function withoutMarkup({ path, alt, width, height }: CatalogImage): CatalogImage {
  return { path, alt, width, height };
}
