import 'server-only';
import { cookies } from 'next/headers';
import { CART_COOKIE, CART_COOKIE_MAX_AGE } from '@/lib/storefront';
import { servedOverHttps } from './request-context';

const FLASH_COOKIE = 'cart_flash';
/** A Shopify cart GID with its key; anything else in the cookie is ignored, not sent to the store. */
const CART_ID = /^gid:\/\/shopify\/Cart\/[A-Za-z0-9_-]{1,128}(\?key=[A-Za-z0-9_-]{1,128})?$/;

/** `lineId`: the cart line the message is about, shown by that line. */
export type Flash = { message: string; tone: 'success' | 'error'; lineId?: string };

const LINE_ID = /^gid:\/\/shopify\/CartLine\/[A-Za-z0-9_-]{1,64}(\?cart=[A-Za-z0-9_-]{1,128})?$/;

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
export async function flash(message: string, tone: Flash['tone'], lineId?: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, JSON.stringify({ message, tone, lineId }), {
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
    const parsed = JSON.parse(raw) as { message?: unknown; tone?: unknown; lineId?: unknown };
    if (typeof parsed.message !== 'string') return null;
    return {
      message: parsed.message,
      tone: parsed.tone === 'error' ? 'error' : 'success',
      ...(typeof parsed.lineId === 'string' && LINE_ID.test(parsed.lineId)
        ? { lineId: parsed.lineId }
        : {}),
    };
  } catch {
    return null;
  }
}
