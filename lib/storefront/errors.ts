/** Why a storefront request failed, in words a shopper can be shown. */
export class StorefrontError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'timeout' | 'http' | 'graphql',
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = 'StorefrontError';
  }
}

/** A Shopify `userErrors` entry: the request was understood but refused (e.g. not enough stock). */
export interface UserError {
  message: string;
  code?: string | null;
  field?: string[] | null;
}
