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
import type {
  CartFieldsFragment,
  CartLinesAddMutation,
  StorefrontMutations,
} from './storefrontapi.generated';
import type {
  CartInput,
  CartLineInput,
  CartLineUpdateInput,
} from '@shopify/hydrogen-react/storefront-api-types';

type CartPayload = NonNullable<CartLinesAddMutation['cartLinesAdd']>;

/** A `userErrors` entry: the store understood the request but refused it (e.g. not enough stock). */
export type CartUserError = CartPayload['userErrors'][number];

/** A `warnings` entry: the change was made as far as it could be (e.g. quantity clamped to stock). */
export type CartWarning = CartPayload['warnings'][number];

/** What a cart mutation answered: the cart as the store now holds it (unchanged when refused). */
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

/** Every cart mutation answers one field, its payload; null only with errors, already thrown. */
async function mutate<TDocument extends keyof StorefrontMutations>(
  document: TDocument,
  variables: StorefrontMutations[TDocument]['variables'],
  shopper: Shopper,
): Promise<CartChange> {
  const data: Record<string, CartPayload | null> = await storefrontRequest(
    document,
    variables,
    cartOptions(shopper),
  );
  const [payload] = Object.values(data);
  if (!payload) throw new StorefrontError('graphql', 'The store sent an empty answer.');
  return { cart: payload.cart ?? null, userErrors: payload.userErrors, warnings: payload.warnings };
}

export const getCart = async (cartId: string, shopper: Shopper = {}) =>
  (await storefrontRequest(CART_QUERY, { cartId }, cartOptions(shopper))).cart ?? null;

export const cartCreate = (input: CartInput, shopper: Shopper = {}) =>
  mutate(CART_CREATE_MUTATION, { input }, shopper);

/**
 * Adds to the shopper's cart, or starts one when there is none (or it expired or was checked out):
 * the cart is created by the first add, never by a visit. With `sellingPlanId` the units are a
 * subscription, kept on their own line apart from the same variant bought one-time.
 */
export async function cartLinesAddOrCreate(
  cartId: string | undefined,
  lines: CartLineInput[],
  shopper: Shopper = {},
): Promise<CartChange> {
  if (cartId) {
    const change = await mutate(CART_LINES_ADD_MUTATION, { cartId, lines }, shopper);
    if (change.cart || !change.userErrors.some((error) => error.field?.includes('cartId')))
      return change;
  }
  return cartCreate({ lines }, shopper);
}

/** A null `sellingPlanId` takes a line off its plan (back to one-time); an absent one leaves it. */
export const cartLinesUpdate = (
  cartId: string,
  lines: CartLineUpdateInput[],
  shopper: Shopper = {},
) => mutate(CART_LINES_UPDATE_MUTATION, { cartId, lines }, shopper);

export const cartLinesRemove = (cartId: string, lineIds: string[], shopper: Shopper = {}) =>
  mutate(CART_LINES_REMOVE_MUTATION, { cartId, lineIds }, shopper);

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
  const discountCodes = change(current);
  const { cart, userErrors, warnings } = await mutate(
    CART_DISCOUNT_CODES_UPDATE_MUTATION,
    { cartId, discountCodes },
    shopper,
  );
  const refusals = warnings.map(({ message }) => ({ message, field: ['discountCodes'] }));
  return { cart, userErrors: [...userErrors, ...refusals], warnings: [] };
}
