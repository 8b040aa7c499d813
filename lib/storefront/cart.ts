import 'server-only';
import { storefrontRequest } from './client';
import {
  CART_CREATE_MUTATION,
  CART_LINES_ADD_MUTATION,
  CART_LINES_REMOVE_MUTATION,
  CART_LINES_UPDATE_MUTATION,
  CART_QUERY,
} from './documents';
import type { UserError } from './errors';
import type { Cart } from './types';

export interface CartChange {
  cart: Cart | null;
  userErrors: UserError[];
}

type Payload = { cart: Cart | null; userErrors: UserError[] };

export async function getCart(cartId: string): Promise<Cart | null> {
  const data = await storefrontRequest<{ cart: Cart | null }>(CART_QUERY, { cartId }, { cache: 'no-store' });
  return data.cart;
}

/** Adds to the shopper's cart, or starts one when there is none (or it was checked out). */
export async function addToCart(cartId: string | undefined, merchandiseId: string, quantity: number): Promise<CartChange> {
  const lines = [{ merchandiseId, quantity }];
  if (cartId) {
    const data = await storefrontRequest<{ cartLinesAdd: Payload }>(CART_LINES_ADD_MUTATION, { cartId, lines }, { cache: 'no-store' });
    if (data.cartLinesAdd.cart || !isMissingCart(data.cartLinesAdd.userErrors)) return data.cartLinesAdd;
  }
  const data = await storefrontRequest<{ cartCreate: Payload }>(CART_CREATE_MUTATION, { input: { lines } }, { cache: 'no-store' });
  return data.cartCreate;
}

export async function updateCartLine(cartId: string, lineId: string, quantity: number): Promise<CartChange> {
  const data = await storefrontRequest<{ cartLinesUpdate: Payload }>(
    CART_LINES_UPDATE_MUTATION,
    { cartId, lines: [{ id: lineId, quantity }] },
    { cache: 'no-store' },
  );
  return data.cartLinesUpdate;
}

export async function removeCartLine(cartId: string, lineId: string): Promise<CartChange> {
  const data = await storefrontRequest<{ cartLinesRemove: Payload }>(CART_LINES_REMOVE_MUTATION, { cartId, lineIds: [lineId] }, { cache: 'no-store' });
  return data.cartLinesRemove;
}

function isMissingCart(errors: UserError[]): boolean {
  return errors.some((error) => error.field?.includes('cartId'));
}
