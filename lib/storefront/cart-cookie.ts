/**
 * The cart id lives in this cookie, written only by the server (HttpOnly). Its lifetime matches how
 * long the local store keeps a cart that was not checked out.
 */
export const CART_COOKIE = 'cart';
export const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 14;
