import type { CatalogImage, CatalogProduct } from '@/lib/content/catalog-types';

/**
 * A product's images as Shopify lists them: the product image first, then each distinct bottle a
 * size brings. A variant falling back to the product image shares its id, as it does on Shopify.
 */
export function productImages(siteUrl: string, product: CatalogProduct) {
  const byPath = new Map<string, Record<string, unknown>>();
  for (const image of [product.image, ...product.variants.flatMap((variant) => (variant.image ? [variant.image] : []))]) {
    if (!byPath.has(image.path)) byPath.set(image.path, imageObject(siteUrl, image, `${product.handle}-${byPath.size + 1}`));
  }
  return {
    all: [...byPath.values()],
    featured: byPath.get(product.image.path)!,
    of: (image: CatalogImage | null) => byPath.get((image ?? product.image).path)!,
  };
}

function imageObject(siteUrl: string, image: CatalogImage, id: string): Record<string, unknown> {
  const url = `${siteUrl}${image.path}`;
  return {
    __typename: 'Image',
    id: `gid://shopify/ProductImage/${id}`,
    // Shopify's CDN resizes via `transform`; the local store serves one size, which is still a valid answer.
    url: () => url,
    altText: image.alt,
    width: image.width,
    height: image.height,
    thumbhash: null,
  };
}
