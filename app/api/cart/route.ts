import { readShopperCart } from '@/components/cart/store-answer';

export const dynamic = 'force-dynamic';

/**
 * The shopper's cart, read by the page once it has hydrated. A plain GET rather than a Server
 * Action: reading changes nothing, and an action's answer goes through Next's router, which
 * re-renders the page's tree on a phone that has just finished hydrating it. Private to the
 * shopper, so never stored by nginx or the browser.
 */
export async function GET(): Promise<Response> {
  return Response.json(await readShopperCart(), {
    headers: { 'Cache-Control': 'private, no-store' },
  });
}
