'use client';

import { useEffect } from 'react';
import { trackCartEvent } from '@/lib/analytics/events';
import type { CartView } from '@/lib/storefront/cart-view';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';

/** /cart: the server's rendering of the shopper's cart, then the live one once JavaScript runs. */
export function CartPageContents({ initialCart }: { initialCart: CartView | null }) {
  const { cart, adopt } = useCart();
  useEffect(() => adopt(initialCart), [adopt, initialCart]);
  useEffect(() => {
    if (initialCart) trackCartEvent({ type: 'view', cart: initialCart });
  }, [initialCart]);
  return <CartLines cart={cart === undefined ? initialCart : cart} />;
}
