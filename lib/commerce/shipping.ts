import type { ShippingPolicy } from '@/lib/content/policy-types';
import { toCents } from './money';

export interface ShippingQuote {
  /** What shipping costs for this order, in cents (0 when it ships free). */
  costCents: number;
  /** Cents still to add to ship free; null once it does, or when shipping is never free. */
  toFreeCents: number | null;
  /** The free-shipping threshold in cents; null when shipping is never free by amount. */
  freeOverCents: number | null;
  /** How far the order is towards the threshold, 0 to 1 (1 when it ships free). */
  progress: number;
}

/**
 * Shipping for an order of `orderCents` (after discount codes): free from the threshold on, the flat
 * rate below it. A rate of 0 is free shipping on every order.
 */
export function quoteShipping(
  policy: Pick<ShippingPolicy, 'rate' | 'freeOver'>,
  orderCents: number,
): ShippingQuote {
  const rateCents = toCents(policy.rate);
  const freeOverCents = policy.freeOver === null ? null : toCents(policy.freeOver);
  const free = rateCents === 0 || (freeOverCents !== null && orderCents >= freeOverCents);
  return {
    costCents: free ? 0 : rateCents,
    toFreeCents: free || freeOverCents === null ? null : freeOverCents - orderCents,
    freeOverCents,
    progress: free ? 1 : freeOverCents ? Math.max(0, Math.min(1, orderCents / freeOverCents)) : 0,
  };
}
