export {
  addDiscountCode,
  addToCart,
  getCart,
  removeCartLine,
  removeDiscountCode,
  updateCartLine,
  updateLineSellingPlan,
  type CartChange,
  type Shopper,
} from './cart';
export { CART_COOKIE, CART_COOKIE_MAX_AGE } from './cart-cookie';
export { toCartView, type CartLineView, type CartView } from './cart-view';
export { storefrontConfig } from './config';
export { StorefrontError, type UserError } from './errors';
export {
  getLocalOrder,
  localCheckoutEnabled,
  placeLocalOrder,
  type LocalOrder,
} from './local-checkout';
export {
  getProductOffer,
  productCacheTag,
  sizeOf,
  subscriptionOptions,
  variantForSize,
  type ProductOfferResult,
  type SubscriptionOption,
} from './product';
export type * from './types';
