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
import { StorefrontError } from './errors';
import type { CartFieldsFragment, CartLinesAddMutation } from './storefrontapi.generated';
import type {
  CartInput,
  CartLineInput,
  CartLineUpdateInput,
} from '@shopify/hydrogen-react/storefront-api-types';

/** A `userErrors` entry: the store understood the request but refused it (e.g. not enough stock). */
export type CartUserError = NonNullable<CartLinesAddMutation['cartLinesAdd']>['userErrors'][number];

/** A `warnings` entry: the change was made as far as it could be (e.g. quantity clamped to stock). */
export type CartWarning = NonNullable<CartLinesAddMutation['cartLinesAdd']>['warnings'][number];

/**
 * What a cart mutation answered: the cart as the store now holds it (unchanged when refused), why not,
 * and what it could not do in full.
 */
export interface CartChange {
  cart: CartFieldsFragment | null;
  userErrors: CartUserError[];
  warnings: CartWarning[];
}

/** Who the request is made for: the shopper's IP is forwarded to Shopify with cart calls. */
export interface Shopper {
  buyerIp?: string;
}

const cartOptions = (shopper: Shopper) =>
  ({ cache: 'no-store', buyerIp: shopper.buyerIp }) as const;

export async function getCart(
  cartId: string,
  shopper: Shopper = {},
): Promise<CartFieldsFragment | null> {
  const data = await storefrontRequest(CART_QUERY, { cartId }, cartOptions(shopper));
  return data.cart ?? null;
}

export async function cartCreate(input: CartInput, shopper: Shopper = {}): Promise<CartChange> {
  const data = await storefrontRequest(CART_CREATE_MUTATION, { input }, cartOptions(shopper));
  return changeOf(data.cartCreate);
}

/**
 * With `sellingPlanId` the units are a subscription: the store keeps them on their own line, apart
 * from the same variant bought one-time.
 */
export async function cartLinesAdd(
  cartId: string,
  lines: CartLineInput[],
  shopper: Shopper = {},
): Promise<CartChange> {
  const data = await storefrontRequest(
    CART_LINES_ADD_MUTATION,
    { cartId, lines },
    cartOptions(shopper),
  );
  return changeOf(data.cartLinesAdd);
}

/**
 * Adds to the shopper's cart, or starts one when there is none (or it expired or was checked out):
 * the cart is created by the first add, never by a visit.
 */
export async function cartLinesAddOrCreate(
  cartId: string | undefined,
  lines: CartLineInput[],
  shopper: Shopper = {},
): Promise<CartChange> {
  if (cartId) {
    const change = await cartLinesAdd(cartId, lines, shopper);
    if (change.cart || !isMissingCart(change.userErrors)) return change;
  }
  return cartCreate({ lines }, shopper);
}

/**
 * Changes quantities and plans: a null `sellingPlanId` takes a line off its plan (back to one-time),
 * an absent one leaves it as it is.
 */
export async function cartLinesUpdate(
  cartId: string,
  lines: CartLineUpdateInput[],
  shopper: Shopper = {},
): Promise<CartChange> {
  const data = await storefrontRequest(
    CART_LINES_UPDATE_MUTATION,
    { cartId, lines },
    cartOptions(shopper),
  );
  return changeOf(data.cartLinesUpdate);
}

export async function cartLinesRemove(
  cartId: string,
  lineIds: string[],
  shopper: Shopper = {},
): Promise<CartChange> {
  const data = await storefrontRequest(
    CART_LINES_REMOVE_MUTATION,
    { cartId, lineIds },
    cartOptions(shopper),
  );
  return changeOf(data.cartLinesRemove);
}

/**
 * Shopify's mutation replaces the whole list of codes, so this reads the cart's codes and sends
 * `change(codes)`. Shopify keeps a code that does not apply and says why in a warning; those count as
 * refusals here.
 */
export async function cartDiscountCodesUpdate(
  cartId: string,
  change: (codes: string[]) => string[],
  shopper: Shopper = {},
): Promise<CartChange> {
  const current = (await getCart(cartId, shopper))?.discountCodes.map((entry) => entry.code) ?? [];
  const data = await storefrontRequest(
    CART_DISCOUNT_CODES_UPDATE_MUTATION,
    { cartId, discountCodes: change(current) },
    cartOptions(shopper),
  );
  const { cart, userErrors, warnings } = changeOf(data.cartDiscountCodesUpdate);
  return {
    cart,
    userErrors: [
      ...userErrors,
      ...warnings.map(({ message }) => ({ message, field: ['discountCodes'] })),
    ],
    warnings: [],
  };
}

/** A mutation's payload is null only with errors, which storefrontRequest has already thrown. */
function changeOf(
  payload:
    | { cart?: CartFieldsFragment | null; userErrors: CartUserError[]; warnings: CartWarning[] }
    | null
    | undefined,
): CartChange {
  if (!payload) throw new StorefrontError('graphql', 'The store sent an empty answer.');
  return { cart: payload.cart ?? null, userErrors: payload.userErrors, warnings: payload.warnings };
}

function isMissingCart(errors: CartUserError[]): boolean {
  return errors.some((error) => error.field?.includes('cartId'));
}
