import 'server-only';
import { storefrontRequest } from './client';
import {
  CART_CREATE_MUTATION,
  CART_DISCOUNT_CODES_UPDATE_MUTATION,
  CART_LINES_ADD_MUTATION,
  CART_LINES_REMOVE_MUTATION,
  CART_LINES_UPDATE_MUTATION,
  CART_QUERY,
} from './documents';
import type { UserError } from './errors';
import type { Cart } from './types';

/** What a cart mutation answered: the cart as the store now holds it (unchanged when refused), and why not. */
export interface CartChange {
  cart: Cart | null;
  userErrors: UserError[];
}

/** Who the request is made for: the shopper's IP is forwarded to Shopify with cart calls. */
export interface Shopper {
  buyerIp?: string;
}

type Payload = { cart: Cart | null; userErrors: UserError[] };

function cartRequest<TData>(
  document: string,
  variables: Record<string, unknown>,
  shopper: Shopper,
) {
  return storefrontRequest<TData>(document, variables, {
    cache: 'no-store',
    buyerIp: shopper.buyerIp,
  });
}

export async function getCart(cartId: string, shopper: Shopper = {}): Promise<Cart | null> {
  const data = await cartRequest<{ cart: Cart | null }>(CART_QUERY, { cartId }, shopper);
  return data.cart;
}

/**
 * Adds to the shopper's cart, or starts one when there is none (or it expired or was checked out):
 * the cart is created by the first add, never by a visit. With `sellingPlanId` the units are a
 * subscription: the store keeps them on their own line, apart from the same variant bought one-time.
 */
export async function addToCart(
  cartId: string | undefined,
  merchandiseId: string,
  quantity: number,
  shopper: Shopper = {},
  sellingPlanId?: string,
): Promise<CartChange> {
  const lines = [{ merchandiseId, quantity, ...(sellingPlanId ? { sellingPlanId } : {}) }];
  if (cartId) {
    const data = await cartRequest<{ cartLinesAdd: Payload }>(
      CART_LINES_ADD_MUTATION,
      { cartId, lines },
      shopper,
    );
    if (data.cartLinesAdd.cart || !isMissingCart(data.cartLinesAdd.userErrors))
      return data.cartLinesAdd;
  }
  const data = await cartRequest<{ cartCreate: Payload }>(
    CART_CREATE_MUTATION,
    { input: { lines } },
    shopper,
  );
  return data.cartCreate;
}

export async function updateCartLine(
  cartId: string,
  lineId: string,
  quantity: number,
  shopper: Shopper = {},
): Promise<CartChange> {
  const data = await cartRequest<{ cartLinesUpdate: Payload }>(
    CART_LINES_UPDATE_MUTATION,
    { cartId, lines: [{ id: lineId, quantity }] },
    shopper,
  );
  return data.cartLinesUpdate;
}

/**
 * Moves a line onto a subscription, to another one, or back to a one-time purchase (`null`): in
 * cartLinesUpdate a null `sellingPlanId` takes the line off its plan, an absent one leaves it as it is.
 */
export async function updateLineSellingPlan(
  cartId: string,
  lineId: string,
  sellingPlanId: string | null,
  shopper: Shopper = {},
): Promise<CartChange> {
  const data = await cartRequest<{ cartLinesUpdate: Payload }>(
    CART_LINES_UPDATE_MUTATION,
    { cartId, lines: [{ id: lineId, sellingPlanId }] },
    shopper,
  );
  return data.cartLinesUpdate;
}

export async function removeCartLine(
  cartId: string,
  lineId: string,
  shopper: Shopper = {},
): Promise<CartChange> {
  const data = await cartRequest<{ cartLinesRemove: Payload }>(
    CART_LINES_REMOVE_MUTATION,
    { cartId, lineIds: [lineId] },
    shopper,
  );
  return data.cartLinesRemove;
}

/** Adds a code to those on the cart; the store says whether it applies. */
export function addDiscountCode(
  cartId: string,
  code: string,
  shopper: Shopper = {},
): Promise<CartChange> {
  return changeDiscountCodes(cartId, shopper, (codes) => [...new Set([...codes, code])]);
}

export function removeDiscountCode(
  cartId: string,
  code: string,
  shopper: Shopper = {},
): Promise<CartChange> {
  return changeDiscountCodes(cartId, shopper, (codes) =>
    codes.filter((entry) => entry.toUpperCase() !== code.toUpperCase()),
  );
}

/**
 * Shopify's API replaces the whole list of codes at once, so a change reads the cart's codes first.
 * Shopify keeps a code that does not apply and says why in a warning; those count as refusals here.
 */
async function changeDiscountCodes(
  cartId: string,
  shopper: Shopper,
  change: (codes: string[]) => string[],
): Promise<CartChange> {
  const current = (await getCart(cartId, shopper))?.discountCodes.map((entry) => entry.code) ?? [];
  const data = await cartRequest<{
    cartDiscountCodesUpdate: Payload & { warnings?: Array<{ message: string; code: string }> };
  }>(CART_DISCOUNT_CODES_UPDATE_MUTATION, { cartId, discountCodes: change(current) }, shopper);
  const { cart, userErrors, warnings = [] } = data.cartDiscountCodesUpdate;
  return {
    cart,
    userErrors: [
      ...userErrors,
      ...warnings.map((warning) => ({
        message: warning.message,
        code: warning.code,
        field: ['discountCodes'],
      })),
    ],
  };
}

function isMissingCart(errors: UserError[]): boolean {
  return errors.some((error) => error.field?.includes('cartId'));
}
