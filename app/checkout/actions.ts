'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { flash, forgetCartId, readCartId } from '@/components/cart/cart-cookie';
import { clientAddress } from '@/lib/security/client-address';
import { retryAfterSeconds } from '@/lib/security/rate-limit';
import { placeLocalOrder } from '@/lib/storefront';

/**
 * Places the order in the local store (a Shopify store has its own checkout). The cart is the one in
 * the shopper's cookie, never an id sent with the form.
 */
export async function placeOrder(): Promise<void> {
  const cartId = await readCartId();
  const address = await clientAddress();
  const wait = address ? await retryAfterSeconds('checkout', address) : null;
  const result = wait
    ? {
        ok: false as const,
        message: `Too many orders from your connection. Please try again in ${wait} seconds.`,
      }
    : cartId
      ? await placeLocalOrder(cartId)
      : { ok: false as const, message: 'Your cart is empty: add something before checking out.' };
  if (!result.ok) {
    await flash(result.message, 'error');
    redirect('/cart');
  }
  await forgetCartId();
  // Stock changed: product pages show fresh availability on their next request.
  revalidatePath('/products/[handle]/[[...choice]]', 'page');
  redirect(`/orders/${result.order.id}`);
}
