import { CART_COOKIE, CART_COOKIE_MAX_AGE } from '@/lib/storefront/cart-cookie';

/** hydrogen-react's CartProvider keeps the cart id under this localStorage key. */
const STORAGE_KEY = 'shopifyCartId';

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return entry ? decodeURIComponent(entry.slice(prefix.length)) : undefined;
}

/** The cookie is the source of truth: the server sets it for form posts and clears it after checkout. */
export function adoptCartFromCookie(): void {
  try {
    const cartId = readCookie(CART_COOKIE);
    if (cartId) window.localStorage.setItem(STORAGE_KEY, cartId);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode); the cart then lives for this page view only.
  }
}

export function writeCartCookie(cartId: string): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${CART_COOKIE}=${encodeURIComponent(cartId)}; Path=/; Max-Age=${CART_COOKIE_MAX_AGE}; SameSite=Lax${secure}`;
}
