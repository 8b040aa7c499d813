import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Catalog } from '@/lib/content/catalog-types';
import { createLocalStore, type LocalStore, type LocalStoreOptions } from '@/lib/storefront/local';

export const catalog: Catalog = {
  currency: 'USD',
  products: [
    {
      handle: 'test-d3k2',
      title: 'Test D3 + K2',
      vendor: 'Test Brand',
      description: 'Vitamin D3 & K2 <b>together</b>.\n\nTake one softgel a day.',
      image: { path: '/images/test.svg', alt: 'Test bottle', width: 600, height: 600 },
      variants: [
        {
          sku: 'T-60',
          size: 60,
          title: '60 softgels',
          price: '19.00',
          compareAtPrice: null,
          stock: 500,
          image: null,
        },
        {
          sku: 'T-120',
          size: 120,
          title: '120 softgels',
          price: '32.00',
          compareAtPrice: '38.00',
          stock: 5,
          image: {
            path: '/images/test-120.svg',
            alt: 'Large test bottle',
            width: 600,
            height: 800,
          },
        },
      ],
      subscriptions: [
        { intervalDays: 30, percentOff: 10, name: 'Delivers every 30 days, 10% off' },
        { intervalDays: 60, percentOff: 15, name: 'Every two months, 15% off' },
      ],
    },
    {
      handle: 'test-d3',
      title: 'Test D3',
      vendor: 'Another Brand',
      description: 'Another test product.',
      image: { path: '/images/test-d3.svg', alt: 'Test D3 bottle', width: 600, height: 600 },
      variants: [
        {
          sku: 'D-30',
          size: 30,
          title: '30 softgels',
          price: '12.50',
          compareAtPrice: null,
          stock: 0,
          image: null,
        },
        {
          sku: 'D-90',
          size: 90,
          title: '90 softgels',
          price: '29.99',
          compareAtPrice: '34.99',
          stock: 40,
          image: null,
        },
      ],
      subscriptions: [],
    },
  ],
  discounts: [
    { code: 'WELCOME10', percentage: 10, minimumSubtotal: null },
    { code: 'BIG20', percentage: 20, minimumSubtotal: '100.00' },
  ],
};

export const V60 = 'gid://shopify/ProductVariant/T-60';
export const V120 = 'gid://shopify/ProductVariant/T-120';
export const D30 = 'gid://shopify/ProductVariant/D-30';
export const D90 = 'gid://shopify/ProductVariant/D-90';
/** test-d3k2's plans; test-d3 has none. */
export const PLAN30 = 'gid://shopify/SellingPlan/test-d3k2-30d';
export const PLAN60 = 'gid://shopify/SellingPlan/test-d3k2-60d';
export const SITE_URL = 'http://shop.test';

export function freshStore(
  options: Partial<Pick<LocalStoreOptions, 'clock' | 'readonly'>> & { dataDir?: string } = {},
): { store: LocalStore; dataDir: string } {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-test-'));
  return {
    store: createLocalStore({
      catalog,
      dataDir,
      siteUrl: SITE_URL,
      clock: options.clock,
      readonly: options.readonly,
    }),
    dataDir,
  };
}

/** Every row of every table, read through a second connection: "nothing changed" means this is equal. */
export function dbSnapshot(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'local-store.sqlite'), { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as Array<{ name: string }>;
    return JSON.stringify(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

/** The cart fields the store implements: what lib/storefront/documents select, plus discount codes. */
export const CART_FIELDS = `
  id checkoutUrl totalQuantity
  discountCodes { code applicable }
  discountAllocations { discountedAmount { amount currencyCode } ... on CartCodeDiscountAllocation { code } }
  cost { subtotalAmount { amount currencyCode } totalAmount { amount currencyCode } }
  lines(first: 100) {
    nodes {
      id quantity
      merchandise { __typename ... on ProductVariant { id title } }
      cost { amountPerQuantity { amount } totalAmount { amount } }
    }
  }
`;

interface Money {
  amount: string;
  currencyCode?: string;
}

export interface CartLineShape {
  id: string;
  quantity: number;
  merchandise: { __typename: string; id: string; title: string };
  cost: { amountPerQuantity: Money; totalAmount: Money };
}

export interface CartShape {
  id: string;
  checkoutUrl: string;
  totalQuantity: number;
  discountCodes: Array<{ code: string; applicable: boolean }>;
  discountAllocations: Array<{ discountedAmount: Money; code: string }>;
  cost: { subtotalAmount: Money; totalAmount: Money };
  lines: { nodes: CartLineShape[] };
}

export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}

export interface Payload {
  cart: CartShape | null;
  userErrors: UserErrorShape[];
}

export const PAYLOAD = `cart { ${CART_FIELDS} } userErrors { field message code }`;

/** Runs an operation in process and returns its data, failing the test on GraphQL errors. */
export async function run<T>(
  store: LocalStore,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await store.execute({ query, variables });
  if (result.errors?.length)
    throw new Error(result.errors.map((error) => error.message).join('; '));
  return JSON.parse(JSON.stringify(result.data)) as T;
}

/** Runs one of the cart mutations and returns its payload. */
export async function mutate(
  store: LocalStore,
  mutation: string,
  args: string,
  variables: Record<string, unknown>,
): Promise<Payload> {
  const declared = Object.keys(variables);
  const types: Record<string, string> = {
    cartId: 'ID!',
    input: 'CartInput',
    lines: mutation === 'cartLinesUpdate' ? '[CartLineUpdateInput!]!' : '[CartLineInput!]!',
    lineIds: '[ID!]!',
    discountCodes: '[String!]!',
  };
  const signature = declared.map((name) => `$${name}: ${types[name]}`).join(', ');
  const data = await run<Record<string, Payload>>(
    store,
    `mutation(${signature}) { ${mutation}(${args}) { ${PAYLOAD} } }`,
    variables,
  );
  return data[mutation]!;
}

export const LINES_ADD = ['cartLinesAdd', 'cartId: $cartId, lines: $lines'] as const;
export const LINES_UPDATE = ['cartLinesUpdate', 'cartId: $cartId, lines: $lines'] as const;
export const LINES_REMOVE = ['cartLinesRemove', 'cartId: $cartId, lineIds: $lineIds'] as const;
export const DISCOUNT_CODES = [
  'cartDiscountCodesUpdate',
  'cartId: $cartId, discountCodes: $discountCodes',
] as const;

export async function createCart(
  store: LocalStore,
  lines: Array<{ merchandiseId: string; quantity: number; sellingPlanId?: string }> = [],
): Promise<CartShape> {
  const payload = await mutate(store, 'cartCreate', 'input: $input', { input: { lines } });
  if (!payload.cart) throw new Error(JSON.stringify(payload.userErrors));
  return payload.cart;
}

export async function readCart(store: LocalStore, id: string): Promise<CartShape | null> {
  return (
    await run<{ cart: CartShape | null }>(
      store,
      `query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`,
      { id },
    )
  ).cart;
}

export const quantities = (cart: CartShape | null) =>
  cart?.lines.nodes.map((node) => [node.merchandise.title, node.quantity]);
