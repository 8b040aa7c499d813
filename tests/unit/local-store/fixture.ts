import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalog } from '@/lib/content/catalog-types';
import { createLocalStore, type LocalStore } from '@/lib/storefront/local';

export const catalog: Catalog = {
  currency: 'USD',
  products: [
    {
      handle: 'test-d3k2',
      title: 'Test D3 + K2',
      vendor: 'Test Brand',
      description: 'A test product.',
      image: { path: '/images/test.svg', alt: 'Test bottle', width: 600, height: 600 },
      variants: [
        { sku: 'T-60', size: 60, title: '60 softgels', price: '19.00', compareAtPrice: null, stock: 500, image: null },
        { sku: 'T-120', size: 120, title: '120 softgels', price: '32.00', compareAtPrice: '38.00', stock: 5, image: null },
      ],
    },
    {
      handle: 'test-d3',
      title: 'Test D3',
      vendor: 'Test Brand',
      description: 'Another test product.',
      image: { path: '/images/test-d3.svg', alt: 'Test D3 bottle', width: 600, height: 600 },
      variants: [{ sku: 'D-90', size: 90, title: '90 softgels', price: '12.50', compareAtPrice: null, stock: 0, image: null }],
    },
  ],
};

export function freshStore(): { store: LocalStore; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-test-'));
  return { store: createLocalStore({ catalog, dataDir, siteUrl: 'http://shop.test' }), dataDir };
}

export const ENDPOINT = 'http://shop.test/api/2026-04/graphql.json';

export function post(store: LocalStore, body: unknown, contentType = 'application/json'): Promise<Response> {
  return store.handleRequest(
    new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );
}

export const CART_FIELDS = `
  id checkoutUrl totalQuantity note
  attributes { key value }
  buyerIdentity { countryCode email }
  discountCodes { code applicable }
  cost { subtotalAmount { amount currencyCode } totalAmount { amount currencyCode } }
  lines(first: 10) { edges { node { id quantity merchandise { ... on ProductVariant { id title } } cost { totalAmount { amount } } } } }
`;

export interface CartShape {
  id: string;
  checkoutUrl: string;
  totalQuantity: number;
  note: string | null;
  attributes: Array<{ key: string; value: string }>;
  buyerIdentity: { countryCode: string | null; email: string | null };
  discountCodes: Array<{ code: string; applicable: boolean }>;
  cost: { subtotalAmount: { amount: string; currencyCode: string }; totalAmount: { amount: string; currencyCode: string } };
  lines: { edges: Array<{ node: { id: string; quantity: number; merchandise: { id: string; title: string }; cost: { totalAmount: { amount: string } } } }> };
}

export interface Payload {
  cart: CartShape | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
}

/** Runs an operation in process and returns its data, failing the test on GraphQL errors. */
export async function run<T>(store: LocalStore, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await store.execute({ query, variables });
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
  return JSON.parse(JSON.stringify(result.data)) as T;
}

export async function createCart(store: LocalStore, lines: Array<{ merchandiseId: string; quantity: number }> = []): Promise<CartShape> {
  const data = await run<{ cartCreate: Payload }>(store, `mutation($input: CartInput!) { cartCreate(input: $input) { cart { ${CART_FIELDS} } userErrors { field message code } } }`, {
    input: { lines },
  });
  if (!data.cartCreate.cart) throw new Error(JSON.stringify(data.cartCreate.userErrors));
  return data.cartCreate.cart;
}

export async function readCart(store: LocalStore, id: string): Promise<CartShape | null> {
  return (await run<{ cart: CartShape | null }>(store, `query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`, { id })).cart;
}
