import 'server-only';
import { cookies } from 'next/headers';
import { servedOverHttps } from './request-context';

/**
 * A code from a discount link, kept until the shopper's cart exists (as Shopify's online store keeps
 * `discount_code` until checkout). The next add to cart applies it, then forgets it.
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

/** The remembered code, if any; anything in the cookie that is not a code is ignored. */
export async function rememberedDiscountCode(): Promise<string | null> {
  const value = (await cookies()).get(DISCOUNT_COOKIE)?.value;
  return value !== undefined && CODE.test(value) ? value : null;
}

/** Once the code is on a cart (or the store has refused it there), it is no longer waiting. */
export async function forgetDiscountCode(): Promise<void> {
  (await cookies()).delete(DISCOUNT_COOKIE);
}
