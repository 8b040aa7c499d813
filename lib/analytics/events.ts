import type { CartLineView, CartView } from '@/lib/storefront/cart-view';

/** What the shopper did to the cart, reported once the store has answered. */
export type CartEvent =
  | {
      type: 'add';
      merchandiseId: string;
      sellingPlanId: string | null;
      quantity: number;
      cart: CartView;
    }
  | { type: 'quantity'; line: CartLineView; quantity: number }
  | { type: 'remove'; line: CartLineView }
  | { type: 'view'; cart: CartView }
  | { type: 'checkout'; cart: CartView };

/** Events waiting for the shopper's choice; the page never holds more than these. */
const MAX_WAITING = 20;
let waiting: CartEvent[] | null = [];
let sink: ((event: CartEvent) => void) | null = null;

/**
 * For the cart UI. Until the shopper's choice is known the event waits in the page (nothing leaves
 * it); with consent it goes to the analytics that were allowed, without it it is dropped.
 */
export function trackCartEvent(event: CartEvent): void {
  if (sink) sink(event);
  else if (waiting && waiting.length < MAX_WAITING) waiting.push(event);
}

/** For the analytics once consent is known: `null` drops what waited and everything after. */
export function deliverCartEvents(to: ((event: CartEvent) => void) | null): void {
  sink = to;
  const held = waiting ?? [];
  waiting = to ? [] : null;
  if (to) held.forEach(to);
}
