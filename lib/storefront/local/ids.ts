import { randomBytes, randomUUID } from 'node:crypto';

export const LOCAL_SHOP_ID = 'gid://shopify/Shop/1';
export const productGid = (handle: string) => `gid://shopify/Product/${handle}`;
export const variantGid = (sku: string) => `gid://shopify/ProductVariant/${sku}`;
export const cartGid = (token: string) => `gid://shopify/Cart/${token}`;
export const lineGid = (id: string) => `gid://shopify/CartLine/${id}`;

/** Unguessable: a cart id is all it takes to read or change a cart. */
export const newCartToken = () => randomBytes(18).toString('base64url');
export const newLineId = () => randomUUID();

/** The id part of a Shopify GID of the given type, or null when it is not one. */
export function parseGid(gid: unknown, type: string): string | null {
  if (typeof gid !== 'string') return null;
  const prefix = `gid://shopify/${type}/`;
  if (!gid.startsWith(prefix)) return null;
  const id = gid.slice(prefix.length).split('?')[0] ?? '';
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

export const sellingPlanGid = (key: string) => `gid://shopify/SellingPlan/${key}`;
