import 'server-only';
import { cookies } from 'next/headers';
import { servedOverHttps } from './request-context';

/**
 * A code from a discount link, kept until the shopper's cart exists (as Shopify's online store keeps
 * `discount_code` until checkout). The first add to cart applies it and forgets it.
 */
const DISCOUNT_COOKIE = 'discount_code';
const REMEMBERED_FOR_SECONDS = 14 * 24 * 60 * 60;
const CODE = /^[A-Z0-9_-]{1,64}$/;

export async function rememberDiscountCode(code: string): Promise<void> {
  (await cookies()).set(DISCOUNT_COOKIE, code, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: await servedOverHttps(),
    maxAge: REMEMBERED_FOR_SECONDS,
  });
}

/** The remembered code, if any (anything that is not a code is ignored), forgotten as it is read. */
export async function takeRememberedDiscountCode(): Promise<string | null> {
  const jar = await cookies();
  const value = jar.get(DISCOUNT_COOKIE)?.value;
  if (value === undefined) return null;
  jar.delete(DISCOUNT_COOKIE);
  return CODE.test(value) ? value : null;
}
