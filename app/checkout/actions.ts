import 'server-only';
import { revalidatePath } from 'next/cache';
import { storefrontConfig } from '@/lib/storefront';
import { getLocalStore } from '@/lib/storefront/local/instance';
import { flash, forgetCartId } from '../cart/cart-cookie';

/** Places the order in the local store (a Shopify store has its own checkout instead). */
export async function placeOrder(formData: FormData): Promise<string> {
  if (storefrontConfig().mode !== 'local') return '/cart';
  const cartId = String(formData.get('cartId') ?? '');
  const result = getLocalStore().placeOrder(cartId);
  if (!result.ok) {
    await flash(result.message, 'error');
    return '/cart';
  }
  await forgetCartId();
  // Stock changed: product pages show fresh availability on their next request.
  revalidatePath('/products/[handle]', 'page');
  revalidatePath('/products/[handle]/size/[size]', 'page');
  return `/orders/${encodeURIComponent(result.order.id)}`;
}
