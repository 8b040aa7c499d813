export {
  cartCreate,
  cartDiscountCodesUpdate,
  cartLinesAddOrCreate,
  cartLinesRemove,
  cartLinesUpdate,
  getCart,
  type CartChange,
  type CartWarning,
  type Shopper,
} from './cart';
export { CART_COOKIE, CART_COOKIE_MAX_AGE } from './cart-cookie';
export { toCartView, type CartView, type Money } from './cart-view';
export { storefrontConfig } from './config';
export { StorefrontError } from './errors';
export { getLocalOrder, localCheckoutEnabled, placeLocalOrder } from './local-checkout';
export {
  getProductOffer,
  productCacheTag,
  sizeOf,
  subscriptionOptions,
  variantForSize,
  type ProductOfferResult,
  type StorefrontVariant,
  type SubscriptionOption,
} from './product';
export { getShop } from './shop';
