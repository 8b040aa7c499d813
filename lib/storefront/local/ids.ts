import { randomBytes, randomUUID } from 'node:crypto';

/** A Shopify GID: the local store's ids are a product's handle, a variant's SKU, a cart's token… */
export const gid = (type: string, id: string) => `gid://shopify/${type}/${id}`;
export const LOCAL_SHOP_ID = gid('Shop', '1');

/** Unguessable: a cart id is all it takes to read or change a cart. */
export const newCartToken = () => randomBytes(18).toString('base64url');
export const newLineId = () => randomUUID();

/** The id part of a Shopify GID of the given type, or null when it is not one. */
export function parseGid(value: unknown, type: string): string | null {
  const prefix = gid(type, '');
  if (typeof value !== 'string' || !value.startsWith(prefix)) return null;
  const id = value.slice(prefix.length).split('?')[0] ?? '';
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}
