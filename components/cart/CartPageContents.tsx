'use client';

import { useEffect } from 'react';
import type { CartView } from '@/lib/storefront/cart-view';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';

/** /cart: the server's rendering of the shopper's cart, then the live one once JavaScript runs. */
export function CartPageContents({ initialCart }: { initialCart: CartView | null }) {
  const { cart, adopt } = useCart();
  useEffect(() => adopt(initialCart), [adopt, initialCart]);
  return <CartLines cart={cart === undefined ? initialCart : cart} />;
}
