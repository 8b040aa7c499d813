import 'server-only';
import { storefrontConfig } from './config';
import type { LocalOrder, PlaceOrderResult } from './local';

/**
 * The local store's checkout places real orders that take stock without payment, so a production
 * server only offers it when the operator says so (LOCAL_CHECKOUT=enabled). `next dev` always has it.
 */
export function localCheckoutEnabled(): boolean {
  if (storefrontConfig().mode !== 'local') return false;
  return process.env.NODE_ENV !== 'production' || process.env.LOCAL_CHECKOUT === 'enabled';
}

export async function placeLocalOrder(cartId: string): Promise<PlaceOrderResult> {
  if (!localCheckoutEnabled())
    return { ok: false, message: 'Checkout is not available on this demonstration store.' };
  const { getLocalStore } = await import('./local/instance');
  return getLocalStore().placeOrder(cartId);
}

/** Order ids are UUIDs: anything else is not an order, and never reaches the database. */
const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getLocalOrder(orderId: string): Promise<LocalOrder | null> {
  if (storefrontConfig().mode !== 'local' || !ORDER_ID.test(orderId)) return null;
  const { getLocalStore } = await import('./local/instance');
  return getLocalStore().getOrder(orderId);
}
