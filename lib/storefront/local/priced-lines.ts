import type { CatalogProduct, CatalogVariant } from '@/lib/content/catalog-types';
import { unitPriceCents } from './selling-plans';
import type { LineRow } from './cart-repository';
import type { IndexedPlan } from './catalog-index';
import type { StoreContext } from './product-objects';

export interface PricedLine {
  line: LineRow;
  product: CatalogProduct;
  variant: CatalogVariant;
  /** Null for a one-time purchase. */
  plan: IndexedPlan | null;
  /** The plan's price when the line has one. */
  unitCents: number;
}

/**
 * A cart's lines as the catalog prices them now. The cart and the checkout both read this, so the
 * order is what the cart shows: a line whose variant left the catalog, or whose plan did (a marketer
 * removed the interval), is neither shown, counted nor sold. Guessing a price for it (the one-time
 * price instead of the plan's) would charge the shopper something they never saw.
 */
export function pricedLines(context: StoreContext, token: string): PricedLine[] {
  return context.carts.lines(token).flatMap((line) => {
    const found = context.catalog.variants.get(line.sku);
    if (!found) return [];
    const plan = line.sellingPlan === null ? null : context.catalog.plans.get(line.sellingPlan);
    if (plan === undefined || (plan && plan.product !== found.product)) return [];
    return [{ line, ...found, plan, unitCents: unitPriceCents(found.variant, plan) }];
  });
}

/** What the lines cost before discount codes, in cents. */
export const subtotalCents = (lines: readonly PricedLine[]) =>
  lines.reduce((sum, { line, unitCents }) => sum + unitCents * line.quantity, 0);
