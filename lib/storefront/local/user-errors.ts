/** Shopify's per-line ceiling for this store: larger asks are almost always a typo. */
export const MAX_LINE_QUANTITY = 999;

export interface UserError {
  __typename: 'CartUserError';
  field: string[] | null;
  message: string;
  /** A CartErrorCode value from the Storefront schema. */
  code: string;
}

export const userError = (field: string[] | null, message: string, code = 'INVALID'): UserError => ({ __typename: 'CartUserError', field, message, code });

/** Thrown inside a transaction so nothing is written; becomes the payload's userErrors. */
export class Refusal extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => error.message).join(' '));
  }
}

export function checkQuantity(quantity: number, field: string[], minimum: 0 | 1): void {
  if (quantity < minimum) {
    throw new Refusal([userError(field, minimum === 1 ? 'The quantity must be at least 1.' : 'The quantity cannot be negative.')]);
  }
  if (quantity > MAX_LINE_QUANTITY) {
    throw new Refusal([userError(field, `The quantity cannot be more than ${MAX_LINE_QUANTITY}.`, 'MAXIMUM_EXCEEDED')]);
  }
}
