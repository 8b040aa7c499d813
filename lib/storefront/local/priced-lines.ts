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
 * A cart's lines as the catalog prices them now, read by the cart and the checkout alike so the order
 * is what the cart shows. A line whose variant or plan left the catalog is neither shown, counted nor
 * sold: guessing its price (the one-time one for a plan's) would charge what the shopper never saw.
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
