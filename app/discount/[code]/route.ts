import { readCartId } from '@/components/cart/cart-cookie';
import { rememberDiscountCode } from '@/components/cart/discount-cookie';
import { parseDiscountLink } from '@/lib/campaign/links';
import { clientAddress } from '@/lib/security/client-address';
import { cartDiscountCodesUpdate, StorefrontError } from '@/lib/storefront';
import { linkProblemResponse, seeOther } from '../../campaign-response';
import type { NextRequest } from 'next/server';

/**
 * A discount link, `/discount/CODE?redirect=/products/…`, as Shopify's online store has them: the
 * code goes on the shopper's cart, or, with no cart yet, is remembered and applied when the first
 * add to cart makes one; then the shopper lands on the page, with the link's utm_* parameters.
 */
export async function GET(request: NextRequest, { params }: RouteContext<'/discount/[code]'>) {
  const link = parseDiscountLink((await params).code, request.nextUrl.searchParams);
  if (!link.ok) return linkProblemResponse(link.status, link);

  const cartId = await readCartId();
  if (!cartId) {
    await rememberDiscountCode(link.code);
    return seeOther(link.landing);
  }
  try {
    const address = await clientAddress();
    const change = await cartDiscountCodesUpdate(
      cartId,
      (codes) => [...new Set([...codes, link.code])],
      address ? { buyerIp: address } : {},
    );
    // The cart expired or was checked out: the code waits for the next one.
    if (!change.cart) await rememberDiscountCode(link.code);
    else if (change.userErrors.length > 0)
      return linkProblemResponse(422, {
        title: `Discount code ${link.code} could not be applied`,
        message: 'The store did not accept this code for your cart:',
        details: change.userErrors.map((error) => error.message),
        next: { href: link.landing, label: 'Continue to the store' },
      });
  } catch (error) {
    if (!(error instanceof StorefrontError)) throw error;
    console.error(`[discount link] ${error.kind}: ${error.message}`, error.details ?? '');
    // The store is down for a moment: the code is kept and applied with the next change.
    await rememberDiscountCode(link.code);
  }
  return seeOther(link.landing);
}

export async function HEAD(request: NextRequest, { params }: RouteContext<'/discount/[code]'>) {
  const link = parseDiscountLink((await params).code, request.nextUrl.searchParams);
  return new Response(null, { status: link.ok ? 200 : link.status });
}
