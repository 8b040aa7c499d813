import 'server-only';
import { cookies } from 'next/headers';
import { CART_COOKIE, CART_COOKIE_MAX_AGE } from '@/lib/storefront';

const FLASH_COOKIE = 'cart_flash';

export async function readCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value || undefined;
}

export async function rememberCartId(cartId: string): Promise<void> {
  // Not httpOnly: CartProvider in the browser works on the same cart.
  (await cookies()).set(CART_COOKIE, cartId, { path: '/', sameSite: 'lax', maxAge: CART_COOKIE_MAX_AGE, secure: process.env.NODE_ENV === 'production' && (process.env.SITE_URL ?? '').startsWith('https:') });
}

export async function forgetCartId(): Promise<void> {
  (await cookies()).delete(CART_COOKIE);
}

/** A one-time message for the next page a no-JavaScript form redirects to. */
export async function flash(message: string, tone: 'success' | 'error'): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, JSON.stringify({ message, tone }), { path: '/', maxAge: 20, httpOnly: true, sameSite: 'lax' });
}

export async function readFlash(): Promise<{ message: string; tone: 'success' | 'error' } | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { message?: unknown; tone?: unknown };
    if (typeof parsed.message !== 'string') return null;
    return { message: parsed.message, tone: parsed.tone === 'error' ? 'error' : 'success' };
  } catch {
    return null;
  }
}
