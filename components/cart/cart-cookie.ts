import 'server-only';
import { cookies } from 'next/headers';
import { CART_COOKIE, CART_COOKIE_MAX_AGE } from '@/lib/storefront';
import { servedOverHttps } from './request-context';

const FLASH_COOKIE = 'cart_flash';
/** A Shopify cart GID with its key; anything else in the cookie is ignored, not sent to the store. */
const CART_ID = /^gid:\/\/shopify\/Cart\/[A-Za-z0-9_-]{1,128}(\?key=[A-Za-z0-9_-]{1,128})?$/;

export type Flash = { message: string; tone: 'success' | 'error' };

export async function readCartId(): Promise<string | undefined> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  return value && CART_ID.test(value) ? value : undefined;
}

/** Only the server writes the cart id: HttpOnly, so no script on the page can read or change it. */
export async function rememberCartId(cartId: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, cartId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: await servedOverHttps(),
    maxAge: CART_COOKIE_MAX_AGE,
  });
}

export async function forgetCartId(): Promise<void> {
  (await cookies()).delete(CART_COOKIE);
}

/** A one-time message for the page a form without JavaScript is redirected to. */
export async function flash(message: string, tone: Flash['tone']): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, JSON.stringify({ message, tone }), {
    path: '/',
    maxAge: 20,
    httpOnly: true,
    sameSite: 'lax',
    secure: await servedOverHttps(),
  });
}

export async function readFlash(): Promise<Flash | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw || raw.length > 1000) return null;
  try {
    const parsed = JSON.parse(raw) as { message?: unknown; tone?: unknown };
    if (typeof parsed.message !== 'string') return null;
    return { message: parsed.message, tone: parsed.tone === 'error' ? 'error' : 'success' };
  } catch {
    return null;
  }
}
