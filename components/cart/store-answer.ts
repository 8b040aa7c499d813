import 'server-only';
import { clientAddress } from '@/lib/security/client-address';
import { getCart, StorefrontError, toCartView, type Shopper } from '@/lib/storefront';
import type { CartView } from '@/lib/storefront/cart-view';
import { readCartId } from './cart-cookie';

/** The store refused part of a change, in its own words, for a line or for the variant being added. */
export interface CartRefusal {
  lineId?: string;
  merchandiseId?: string;
  discountCode?: string;
  message: string;
}

/** What the browser is told after reading or changing the cart. */
export interface CartActionResult {
  /** The cart as the store now holds it (null: no cart); undefined when the store was not reached. */
  cart?: CartView | null;
  refusals: CartRefusal[];
  /** A problem with the whole request (store down or slow, too many requests), worth retrying. */
  problem?: string;
}

/** Who is asking, for the store's own limits (Shopify's buyer IP). */
export async function shopper(): Promise<Shopper> {
  const buyerIp = await clientAddress();
  return buyerIp ? { buyerIp } : {};
}

/** A storefront failure in words for the shopper; any other error is a bug and is thrown on. */
export function storeProblem(error: unknown, consequence: string): string {
  if (error instanceof StorefrontError) {
    console.error(`[cart] ${error.kind}: ${error.message}`, error.details ?? '');
    return `${error.message} ${consequence}`;
  }
  throw error;
}

/** The shopper's cart (from the cart cookie) for the header badge and the drawer. */
export async function readShopperCart(): Promise<CartActionResult> {
  const cartId = await readCartId();
  if (!cartId) return { cart: null, refusals: [] };
  try {
    const cart = await getCart(cartId, await shopper());
    return { cart: cart ? toCartView(cart) : null, refusals: [] };
  } catch (error) {
    return { refusals: [], problem: storeProblem(error, 'Your cart could not be loaded.') };
  }
}
