import type { CatalogDiscount } from '@/lib/content/catalog-types';
import { toCents } from './money';
import type { CatalogIndex } from './catalog-index';

/** The code as shoppers may type it (any case, stray spaces) matched to content/discounts.yaml. */
function discountFor(catalog: CatalogIndex, code: string): CatalogDiscount | undefined {
  return catalog.discounts.get(code.trim().toUpperCase());
}

const minimumCents = (discount: CatalogDiscount) =>
  discount.minimumSubtotal === null ? 0 : toCents(discount.minimumSubtotal);

/**
 * Whether a code takes anything off this subtotal: it exists and the subtotal reaches its minimum.
 * Every cart answer asks this of each of its codes, so it builds no message (refusalFor does).
 */
export function isApplicable(catalog: CatalogIndex, code: string, subtotalCents: number): boolean {
  const discount = discountFor(catalog, code);
  return discount !== undefined && subtotalCents >= minimumCents(discount);
}

/** Why a code cannot go on a cart with this subtotal, in the store's words; null when it applies. */
export function refusalFor(
  catalog: CatalogIndex,
  code: string,
  subtotalCents: number,
): string | null {
  const discount = discountFor(catalog, code);
  if (!discount) return `Discount code ${code} is not valid.`;
  const minimum = minimumCents(discount);
  if (subtotalCents < minimum) {
    const written = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: catalog.currency,
    }).format(minimum / 100);
    return `Discount code ${code} needs a subtotal of at least ${written}.`;
  }
  return null;
}

/**
 * What each applicable code takes off a subtotal (which already has subscription prices), in whole
 * cents rounded half up, as Shopify does. A code kept on a cart whose subtotal has since dropped
 * below its minimum takes nothing off and shows as not applicable, as Shopify keeps such a code.
 */
export function applyDiscounts(
  catalog: CatalogIndex,
  codes: readonly string[],
  subtotalCents: number,
): Array<{ code: string; cents: number }> {
  return codes.flatMap((code) => {
    const discount = discountFor(catalog, code);
    if (!discount || subtotalCents < minimumCents(discount)) return [];
    return [{ code, cents: Math.round((subtotalCents * discount.percentage) / 100) }];
  });
}
