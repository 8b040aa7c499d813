import { divideCents, fromCents, toCents } from './money';

/**
 * "1 softgel" → 1, "2 capsules" → 2: the units in one serving, from Supplement Facts' serving size.
 * Null when the serving size does not start with a whole count.
 */
export function unitsPerServing(servingSize: string): number | null {
  const match = /^\s*(\d{1,3})\s+[a-z]/i.exec(servingSize);
  const units = match ? Number(match[1]) : 0;
  return units > 0 ? units : null;
}

/** "1 softgel" → "softgel": what one unit is called, for "$0.32 per softgel". */
export function unitName(servingSize: string): string {
  const word = /^\s*\d{1,3}\s+([a-z]+)/i.exec(servingSize)?.[1]?.toLowerCase() ?? 'unit';
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

export interface UnitPrice {
  /** Price of one softgel, decimal string in the price's currency. */
  perUnit: string;
  /** Price of one day's serving. */
  perDay: string;
  /** How many days one pack lasts at one serving a day. */
  daysSupply: number;
}

/**
 * What one softgel and one day cost, so sizes and plans compare at a glance. One serving is taken
 * as one day's amount, as the label's "per serving" and the upper-limit check read it. The store's
 * own price per unit, when it states one, is the price of a softgel; otherwise the pack price is
 * shared out.
 */
export function unitPrice(
  price: string,
  unitsInPack: number,
  perServing: number,
  storePerUnit: string | null = null,
): UnitPrice | null {
  if (!Number.isInteger(unitsInPack) || unitsInPack <= 0 || perServing <= 0) return null;
  const daysSupply = Math.floor(unitsInPack / perServing);
  if (storePerUnit !== null) {
    const unitCents = toCents(storePerUnit);
    return { perUnit: fromCents(unitCents), perDay: fromCents(unitCents * perServing), daysSupply };
  }
  const cents = toCents(price);
  return {
    perUnit: fromCents(divideCents(cents, unitsInPack)),
    perDay: fromCents(divideCents(cents * perServing, unitsInPack)),
    daysSupply,
  };
}

/** Shopify's unit price, the parts this reads (ProductVariant.unitPrice / unitPriceMeasurement). */
export interface StoreUnitPrice {
  unitPrice: { amount: string } | null;
  unitPriceMeasurement: {
    measuredType?: string | null;
    referenceUnit?: string | null;
    referenceValue?: number | null;
  } | null;
}

/**
 * The price of one item when the store measures the variant by count (measuredType COUNT,
 * reference unit ITEM): Shopify then states the price per `referenceValue` items. Null otherwise,
 * and the content's serving size is used instead.
 */
export function storePricePerUnit({
  unitPrice,
  unitPriceMeasurement,
}: StoreUnitPrice): string | null {
  if (!unitPrice || unitPriceMeasurement?.measuredType !== 'COUNT') return null;
  if (unitPriceMeasurement.referenceUnit !== 'ITEM') return null;
  const per = unitPriceMeasurement.referenceValue ?? 1;
  return per > 0 ? fromCents(divideCents(toCents(unitPrice.amount), per)) : null;
}
