'use client';

import { useEffect } from 'react';
import { trackCartEvent } from '@/lib/analytics/events';
import type { CartView } from '@/lib/storefront/cart-view';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';
import type { CartRefusal } from './actions';
import type { CartPolicy } from './cart-policy';

/**
 * /cart: the server's rendering of the shopper's cart, then the live one once JavaScript runs. A
 * message about one line from the last change (a stock warning after a post without JavaScript)
 * is shown by that line.
 */
export function CartPageContents({
  initialCart,
  initialRefusals,
  policy,
}: {
  initialCart: CartView | null;
  initialRefusals: CartRefusal[];
  policy: CartPolicy;
}) {
  const { cart, adopt } = useCart();
  useEffect(() => adopt(initialCart, initialRefusals), [adopt, initialCart, initialRefusals]);
  useEffect(() => {
    if (initialCart) trackCartEvent({ type: 'view', cart: initialCart });
  }, [initialCart]);
  return cart === undefined ? (
    <CartLines cart={initialCart} refusals={initialRefusals} policy={policy} />
  ) : (
    <CartLines cart={cart} policy={policy} />
  );
}
