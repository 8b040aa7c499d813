import 'server-only';
import { storefrontRequest } from './client';
import { PRODUCT_QUERY } from './documents';
import { StorefrontError } from './errors';
import type { StorefrontProduct } from './types';

export type ProductOfferResult =
  | { ok: true; product: StorefrontProduct }
  /** `storeFailed`: the store could not answer (down, slow, errors), as opposed to not selling it. */
  | { ok: false; message: string; storeFailed: boolean };

export function productCacheTag(handle: string): string {
  return `product:${handle}`;
}

/**
 * Price and stock for a product page. A failing store never breaks the page: the caller renders the
 * content and tells the shopper that buying is unavailable for now.
 */
export async function getProductOffer(handle: string): Promise<ProductOfferResult> {
  try {
    const data = await storefrontRequest<{ product: StorefrontProduct | null }>(
      PRODUCT_QUERY,
      { handle, country: 'US', language: 'EN' },
      { tags: [productCacheTag(handle)] },
    );
    if (!data.product) return { ok: false, message: 'This product is not for sale in the store right now.', storeFailed: false };
    return { ok: true, product: data.product };
  } catch (error) {
    if (error instanceof StorefrontError) {
      console.error(`[storefront] product ${handle}: ${error.message}`, error.details ?? '');
      return { ok: false, message: `${error.message} Prices and buying are unavailable for the moment.`, storeFailed: true };
    }
    throw error;
  }
}

/** The variant for `?size=N`, or the first one for sale when the size is missing or unknown. */
export function variantForSize(product: StorefrontProduct, size: number | undefined) {
  const variants = product.variants.nodes;
  const bySize = size === undefined ? undefined : variants.find((variant) => sizeOf(variant.title) === size);
  return bySize ?? variants.find((variant) => variant.availableForSale) ?? variants[0] ?? null;
}

/** "120 softgels" → 120; sizes are the number that starts the option value. */
export function sizeOf(title: string): number | undefined {
  const match = /^(\d+)/.exec(title);
  return match ? Number(match[1]) : undefined;
}
