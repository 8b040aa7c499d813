/**
 * The cart id lives in this cookie, readable by the server (no-JavaScript forms, /cart) and by the
 * browser (CartProvider), so both work on the same cart. Shared by server and client code.
 */
export const CART_COOKIE = 'cart';
export const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 14;
