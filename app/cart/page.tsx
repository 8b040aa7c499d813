import type { Metadata } from 'next';
import { CartPageView } from '@/components/cart/CartPageView';
import { getCart, StorefrontError, type Cart } from '@/lib/storefront';
import { readCartId, readFlash } from './cart-cookie';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false, follow: true } };

/** Server-rendered from the cart cookie, so it works without JavaScript and survives reloads. */
export default async function CartPage() {
  const cartId = await readCartId();
  const flash = await readFlash();
  let cart: Cart | null = null;
  let problem: string | null = null;
  if (cartId) {
    try {
      cart = await getCart(cartId);
    } catch (error) {
      if (!(error instanceof StorefrontError)) throw error;
      problem = `${error.message} Your cart is safe; please try again in a moment.`;
    }
  }
  return <CartPageView cart={cart} flash={flash} problem={problem} updateAction="/cart/update" removeAction="/cart/remove" />;
}
