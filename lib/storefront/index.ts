export { addToCart, getCart, removeCartLine, updateCartLine, type CartChange } from './cart';
export { CART_COOKIE, CART_COOKIE_MAX_AGE } from './cart-cookie';
export { publicStorefrontConfig, storefrontConfig, type PublicStorefrontConfig } from './config';
export { StorefrontError, type UserError } from './errors';
export { getProductOffer, productCacheTag, sizeOf, variantForSize, type ProductOfferResult } from './product';
export type * from './types';
