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
      variants: product.variants.map((variant) => ({ ...variant, image: variant.image && withoutMarkup(variant.image) })),
      subscriptions: product.subscriptions,
    })),
    discounts: content.discounts,
  };
}

function withoutMarkup({ path, alt, width, height }: CatalogImage): CatalogImage {
  return { path, alt, width, height };
}
