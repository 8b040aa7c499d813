import { flash, rememberCartId } from '@/components/cart/cart-cookie';
import { forgetDiscountCode, rememberedDiscountCode } from '@/components/cart/discount-cookie';
import { parseCartLink } from '@/lib/campaign/links';
import { clientAddress } from '@/lib/security/client-address';
import { retryAfterSeconds } from '@/lib/security/rate-limit';
import {
  cartCreate,
  cartDiscountCodesUpdate,
  StorefrontError,
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
  const remembered = await rememberedDiscountCode();
  const codes = [...new Set([...link.discountCodes, ...(remembered ? [remembered] : [])])];

  try {
    const created = await cartCreate({ lines: link.lines }, shopper);
    const refusals = created.userErrors.map((error) => error.message);
    let cart = created.cart;
    if (!cart)
      return linkProblemResponse(422, {
        title: 'These products cannot be bought right now',
        message: 'The store could not put the products in this link in a cart.',
        details: refusals,
      });
    // Codes go on once the lines are in: a code the store refuses then leaves the cart standing.
    if (codes.length > 0) {
      const applied = await cartDiscountCodesUpdate(cart.id, () => codes, shopper);
      cart = applied.cart ?? cart;
      refusals.push(...applied.userErrors.map((error) => error.message));
    }
    if (remembered) await forgetDiscountCode();
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
