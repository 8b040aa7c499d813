import { flash, rememberCartId } from '@/components/cart/cart-cookie';
import { takeRememberedDiscountCode } from '@/components/cart/discount-cookie';
import { parseCartLink } from '@/lib/campaign/links';
import { clientAddress } from '@/lib/security/client-address';
import { retryAfterSeconds } from '@/lib/security/rate-limit';
import {
  addDiscountCode,
  addToCart,
  StorefrontError,
  type Cart,
  type Shopper,
} from '@/lib/storefront';
import { linkProblemResponse, seeOther } from '../../campaign-response';
import type { NextRequest } from 'next/server';

/**
 * A cart permalink, `/cart/<variant>:<qty>,…?discount=CODE`, as Shopify's online store has them:
 * a new cart with exactly these lines (and the code) goes straight to checkout. When the store
 * refuses part of it, the shopper lands on the cart, which says what and keeps the rest.
 */
export async function GET(request: NextRequest, { params }: RouteContext<'/cart/[lines]'>) {
  const link = parseCartLink((await params).lines, request.nextUrl.searchParams.get('discount'));
  if (!link.ok) return linkProblemResponse(link.status, link);

  const address = await clientAddress();
  const wait = address ? await retryAfterSeconds('cartCreate', address) : null;
  if (wait)
    return linkProblemResponse(
      429,
      {
        title: 'Too many new carts',
        message: `Too many carts were started from your connection. Please open the link again in ${wait} seconds.`,
      },
      { 'Retry-After': String(wait) },
    );
  const shopper: Shopper = address ? { buyerIp: address } : {};
  const remembered = await takeRememberedDiscountCode();
  const codes = [...new Set([...link.discountCodes, ...(remembered ? [remembered] : [])])];

  try {
    let cart: Cart | null = null;
    const refusals: string[] = [];
    for (const line of link.lines) {
      const change = await addToCart(cart?.id, line.merchandiseId, line.quantity, shopper);
      cart = change.cart ?? cart;
      refusals.push(...change.userErrors.map((error) => error.message));
    }
    if (!cart)
      return linkProblemResponse(422, {
        title: 'These products cannot be bought right now',
        message: 'The store could not put any of the products in this link in a cart.',
        details: refusals,
      });
    for (const code of codes) {
      const change = await addDiscountCode(cart.id, code, shopper);
      cart = change.cart ?? cart;
      refusals.push(...change.userErrors.map((error) => error.message));
    }
    await rememberCartId(cart.id);
    if (refusals.length === 0) return seeOther(cart.checkoutUrl);
    await flash(`${refusals.join(' ')} Check your cart before checking out.`, 'error');
    return seeOther('/cart');
  } catch (error) {
    if (!(error instanceof StorefrontError)) throw error;
    console.error(`[cart link] ${error.kind}: ${error.message}`, error.details ?? '');
    return linkProblemResponse(503, {
      title: 'The store is not answering',
      message: `${error.message} Nothing was bought; please open the link again in a moment.`,
      next: {
        href: request.nextUrl.pathname + request.nextUrl.search,
        label: 'Try the link again',
      },
    });
  }
}

/** Link checkers and previews ask with HEAD: they learn whether the link is valid, and start no cart. */
export async function HEAD(request: NextRequest, { params }: RouteContext<'/cart/[lines]'>) {
  const link = parseCartLink((await params).lines, request.nextUrl.searchParams.get('discount'));
  return new Response(null, { status: link.ok ? 200 : link.status });
}
