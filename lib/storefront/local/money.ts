import { divideCents } from '@/lib/commerce/money';

/** Money is kept in integer cents; MoneyV2 amounts are Decimal strings, formatted as Shopify does ("32.0"). */
export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

export function toCents(decimal: string): number {
  return Math.round(Number(decimal) * 100);
}

export function money(cents: number, currencyCode: string): MoneyV2 {
  const amount = (cents / 100).toString();
  return { amount: amount.includes('.') ? amount : `${amount}.0`, currencyCode };
}

/**
 * Shopify's unit price for a bottle measured by count, as a merchant sets it: N items, priced per
 * one item and rounded to the cent (ProductVariant.unitPrice, SellingPlanAllocation's unitPrice).
 */
export function pricePerItem(cents: number, items: number, currencyCode: string): MoneyV2 {
  return money(divideCents(cents, items), currencyCode);
}
