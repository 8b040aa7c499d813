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
