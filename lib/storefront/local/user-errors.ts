/** Units one cart line may hold: larger asks are almost always a typo (the buy box offers 1–99). */
export const MAX_LINE_QUANTITY = 99;
/** Units one cart may hold in all: a supplement shop's largest honest order, and a cap on stock a cart can tie up. */
export const MAX_CART_QUANTITY = 120;

export interface UserError {
  field: string[] | null;
  message: string;
  /** A CartErrorCode value from the Storefront schema. */
  code: string;
}

export const userError = (
  field: string[] | null,
  message: string,
  code = 'INVALID',
): UserError => ({ field, message, code });

/** Thrown inside a transaction so nothing is written; becomes the payload's userErrors. */
export class Refusal extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => error.message).join(' '));
  }
}

/** Refuses the whole change with one user error. */
export function refuse(field: string[] | null, message: string, code?: string): never {
  throw new Refusal([userError(field, message, code)]);
}

export function checkQuantity(quantity: number, field: string[], minimum: 0 | 1): void {
  if (quantity < minimum) {
    refuse(
      field,
      minimum === 1 ? 'The quantity must be at least 1.' : 'The quantity cannot be negative.',
    );
  }
  if (quantity > MAX_LINE_QUANTITY)
    refuse(field, `The quantity cannot be more than ${MAX_LINE_QUANTITY}.`, 'MAXIMUM_EXCEEDED');
}

/** The per-line and per-cart caps for a line that would hold `lineQuantity` in a cart of `cartQuantity` units. */
export function checkCaps(lineQuantity: number, cartQuantity: number, field: string[]): void {
  if (lineQuantity > MAX_LINE_QUANTITY)
    refuse(field, `One cart line cannot hold more than ${MAX_LINE_QUANTITY}.`, 'MAXIMUM_EXCEEDED');
  // CART_TOO_LARGE is the schema's code for a cart over the store's limits.
  if (cartQuantity > MAX_CART_QUANTITY)
    refuse(field, `A cart can hold at most ${MAX_CART_QUANTITY} items in all.`, 'CART_TOO_LARGE');
}
