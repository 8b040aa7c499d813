'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { storefrontConfig } from '@/lib/storefront';
import { getLocalStore } from '@/lib/storefront/local/instance';
import { flash, forgetCartId } from '../cart/cart-cookie';

/** Places the order in the local store (a Shopify store has its own checkout instead). */
export async function placeOrderAction(formData: FormData): Promise<never> {
  if (storefrontConfig().mode !== 'local') redirect('/cart');
  const cartId = String(formData.get('cartId') ?? '');
  const result = getLocalStore().placeOrder(cartId);
  if (!result.ok) {
    await flash(result.message, 'error');
    redirect('/cart');
  }
  await forgetCartId();
  // Stock changed: product pages show fresh availability on their next request.
  revalidatePath('/products/[handle]', 'page');
  revalidatePath('/products/[handle]/size/[size]', 'page');
  redirect(`/orders/${encodeURIComponent(result.order.id)}`);
}
