import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CART_LINES_ADD_MUTATION, CART_QUERY, PRODUCT_QUERY } from '@/lib/storefront/documents';
import { createLocalStore } from '@/lib/storefront/local';
import { MIGRATIONS } from '@/lib/storefront/local/database';
import type { StorefrontProduct } from '@/lib/storefront/product';
import type { CartFieldsFragment as Cart } from '@/lib/storefront/storefrontapi.generated';
import {
  catalog,
  createCart,
  D90,
  dbSnapshot,
  DISCOUNT_CODES,
  freshStore,
  LINES_ADD,
  LINES_UPDATE,
  mutate,
  PLAN30,
  PLAN60,
  readCart,
  run,
  SITE_URL,
  V120,
  V60,
} from './fixture';

const { store, dataDir } = freshStore();
afterAll(() => store.close());

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

async function product(handle: string) {
  return (
    await run<{ product: StorefrontProduct }>(store, PRODUCT_QUERY, {
      handle,
      country: 'US',
      language: 'EN',
    })
  ).product;
}

/** The cart as the app's own CART_QUERY reads it. */
async function appCart(cartId: string) {
  return (await run<{ cart: Cart }>(store, CART_QUERY, { cartId })).cart;
}

/** [variant title, plan name or null, quantity, unit price] per line. */
const lineSummary = (cart: Cart) =>
  cart.lines.nodes.map((line) => [
    line.merchandise.title,
    line.sellingPlanAllocation?.sellingPlan.name ?? null,
    line.quantity,
    line.cost.amountPerQuantity.amount,
  ]);

describe('selling plans on the product (the app’s PRODUCT_QUERY)', () => {
  it('a product with plans answers one group with each plan: interval option, recurring, percentage', async () => {
    const { sellingPlanGroups } = await product('test-d3k2');
    expect(sellingPlanGroups).toEqual({
      nodes: [
        {
          name: 'Subscribe & save',
          sellingPlans: {
            nodes: [
              {
                id: PLAN30,
                name: 'Delivers every 30 days, 10% off',
                recurringDeliveries: true,
                options: [{ name: 'Delivery every', value: '30 days' }],
                priceAdjustments: [
                  {
                    adjustmentValue: {
                      __typename: 'SellingPlanPercentagePriceAdjustment',
                      adjustmentPercentage: 10,
                    },
                  },
                ],
              },
              {
                id: PLAN60,
                name: 'Every two months, 15% off',
                recurringDeliveries: true,
                options: [{ name: 'Delivery every', value: '60 days' }],
                priceAdjustments: [
                  {
                    adjustmentValue: {
                      __typename: 'SellingPlanPercentagePriceAdjustment',
                      adjustmentPercentage: 15,
                    },
                  },
                ],
              },
            ],
          },
        },
      ],
    });
  });

  it('each variant prices each plan: the percentage off its own price, the one-time price as compareAtPrice', async () => {
    const { variants } = await product('test-d3k2');
    expect(
      variants.nodes.map((variant) => [variant.title, variant.sellingPlanAllocations.nodes]),
    ).toEqual([
      [
        '60 softgels',
        [
          // 19.00 less 10% = 17.10; less 15% = 16.15; per softgel to the cent, half up.
          {
            sellingPlan: { id: PLAN30 },
            priceAdjustments: [
              {
                price: usd('17.1'),
                compareAtPrice: usd('19.0'),
                perDeliveryPrice: usd('17.1'),
                unitPrice: usd('0.29'),
              },
            ],
          },
          {
            sellingPlan: { id: PLAN60 },
            priceAdjustments: [
              {
                price: usd('16.15'),
                compareAtPrice: usd('19.0'),
                perDeliveryPrice: usd('16.15'),
                unitPrice: usd('0.27'),
              },
            ],
          },
        ],
      ],
      [
        '120 softgels',
        [
          {
            sellingPlan: { id: PLAN30 },
            priceAdjustments: [
              {
                price: usd('28.8'),
                compareAtPrice: usd('32.0'),
                perDeliveryPrice: usd('28.8'),
                unitPrice: usd('0.24'),
              },
            ],
          },
          {
            sellingPlan: { id: PLAN60 },
            priceAdjustments: [
              {
                price: usd('27.2'),
                compareAtPrice: usd('32.0'),
                perDeliveryPrice: usd('27.2'),
                unitPrice: usd('0.23'),
              },
            ],
          },
        ],
      ],
    ]);
  });

  it('a product without plans answers no groups and no allocations, without errors', async () => {
    const plain = await product('test-d3');
    expect(plain.sellingPlanGroups).toEqual({ nodes: [] });
    expect(plain.variants.nodes.map((variant) => variant.sellingPlanAllocations)).toEqual([
      { nodes: [] },
      { nodes: [] },
    ]);
  });

  it('rounds a plan price to whole cents, half up (29.99 less 15% = 25.4915)', async () => {
    const odd = createLocalStore({
      catalog: {
        ...catalog,
        products: [
          {
            ...catalog.products[1]!,
            subscriptions: [{ intervalDays: 14, percentOff: 15, name: 'Every two weeks' }],
          },
        ],
      },
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-plans-')),
      siteUrl: SITE_URL,
    });
    try {
      const result = await odd.execute({
        query:
          '{ product(handle: "test-d3") { variants(first: 5) { nodes { sellingPlanAllocations(first: 5) { nodes { priceAdjustments { price { amount } } } } } } } }',
      });
      expect(JSON.parse(JSON.stringify(result.data))).toEqual({
        product: {
          variants: {
            nodes: [
              {
                sellingPlanAllocations: {
                  nodes: [{ priceAdjustments: [{ price: { amount: '10.63' } }] }],
                },
              }, // 12.50 × 0.85 = 10.625
              {
                sellingPlanAllocations: {
                  nodes: [{ priceAdjustments: [{ price: { amount: '25.49' } }] }],
                },
              },
            ],
          },
        },
      });
    } finally {
      odd.close();
    }
  });

  it('fields of selling plans the store does not implement are named, not answered null', async () => {
    const result = await store.execute({
      query:
        '{ product(handle: "test-d3k2") { sellingPlanGroups(first: 1) { nodes { sellingPlans(first: 1) { nodes { billingPolicy { __typename } } } } } } }',
    });
    expect(result.errors?.map((error) => error.message)).toEqual([
      'The local store does not implement SellingPlan.billingPolicy.',
    ]);
  });
});

describe('selling plans in the cart', () => {
  it('the same variant one-time and on a plan are two lines; adding on the same plan again joins its line', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const added = (
      await run<{ cartLinesAdd: { cart: Cart; userErrors: unknown[] } }>(
        store,
        CART_LINES_ADD_MUTATION,
        {
          cartId: cart.id,
          lines: [{ merchandiseId: V60, quantity: 2, sellingPlanId: PLAN30 }],
        },
      )
    ).cartLinesAdd;
    expect(added.userErrors).toEqual([]);
    await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [
        { merchandiseId: V60, quantity: 1, sellingPlanId: PLAN30 },
        { merchandiseId: V60, quantity: 1, sellingPlanId: PLAN60 },
      ],
    });
    const read = await appCart(cart.id);
    expect(lineSummary(read)).toEqual([
      ['60 softgels', null, 1, '19.0'],
      ['60 softgels', 'Delivers every 30 days, 10% off', 3, '17.1'],
      ['60 softgels', 'Every two months, 15% off', 1, '16.15'],
    ]);
    expect(read.lines.nodes[1]!.sellingPlanAllocation).toEqual({
      sellingPlan: { id: PLAN30, name: 'Delivers every 30 days, 10% off' },
      priceAdjustments: [{ price: usd('17.1') }],
    });
    expect(read.lines.nodes[0]!.sellingPlanAllocation).toBeNull();
    // 19.00 + 3 × 17.10 + 16.15 = 86.45
    expect(read.cost.subtotalAmount).toEqual(usd('86.45'));
  });

  it('discount codes apply after plan prices', async () => {
    const cart = await createCart(store, []);
    await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V120, quantity: 2, sellingPlanId: PLAN30 }],
    });
    const { cart: discounted, userErrors } = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['WELCOME10'],
    });
    expect(userErrors).toEqual([]);
    // 2 × 28.80 = 57.60; 10% = 5.76.
    expect(discounted).toMatchObject({
      cost: { subtotalAmount: { amount: '57.6' }, totalAmount: { amount: '51.84' } },
      discountAllocations: [{ code: 'WELCOME10', discountedAmount: { amount: '5.76' } }],
    });
  });

  it('refuses a plan of another product with SELLING_PLAN_NOT_APPLICABLE, in cartLinesAdd and cartCreate, writing nothing', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const before = dbSnapshot(dataDir);
    const refused = await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: D90, quantity: 1, sellingPlanId: PLAN30 }],
    });
    expect(refused.userErrors).toEqual([
      {
        field: ['lines', '0', 'sellingPlanId'],
        code: 'SELLING_PLAN_NOT_APPLICABLE',
        message:
          'The selling plan "Delivers every 30 days, 10% off" is not available for Test D3 (90 softgels).',
      },
    ]);
    expect(refused.cart).toEqual(await readCart(store, cart.id));
    const unknown = await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [
        {
          merchandiseId: V60,
          quantity: 1,
          sellingPlanId: 'gid://shopify/SellingPlan/test-d3k2-45d',
        },
      ],
    });
    expect(unknown.userErrors).toEqual([
      {
        field: ['lines', '0', 'sellingPlanId'],
        code: 'SELLING_PLAN_NOT_APPLICABLE',
        message: 'The selling plan with id gid://shopify/SellingPlan/test-d3k2-45d does not exist.',
      },
    ]);
    const created = await mutate(store, 'cartCreate', 'input: $input', {
      input: { lines: [{ merchandiseId: D90, sellingPlanId: PLAN60 }] },
    });
    expect(created).toEqual({
      cart: null,
      userErrors: [
        expect.objectContaining({
          code: 'SELLING_PLAN_NOT_APPLICABLE',
          field: ['lines', '0', 'sellingPlanId'],
        }),
      ],
    });
    expect(dbSnapshot(dataDir)).toBe(before);
  });

  it('counts stock over every line of the variant, one-time and subscription together', async () => {
    // T-120 has 5 in stock: 3 one-time leave 2 for the subscription line, which is all it gets.
    const cart = await createCart(store, [{ merchandiseId: V120, quantity: 3 }]);
    const clamped = await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V120, quantity: 3, sellingPlanId: PLAN30 }],
    });
    expect(clamped.userErrors).toEqual([]);
    expect(clamped.cart!.lines.nodes.map((line) => line.quantity)).toEqual([3, 2]);
    expect(clamped.cart!.totalQuantity).toBe(5);
  });

  it('holds each line, not each variant, to the 99-unit line cap', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 99 }]);
    const added = await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V60, quantity: 21, sellingPlanId: PLAN30 }],
    });
    expect(added.userErrors).toEqual([]);
    expect(added.cart!.totalQuantity).toBe(120);
  });
});

describe('cartLinesUpdate with sellingPlanId', () => {
  async function oneLine(sellingPlanId?: string) {
    const cart = await createCart(store, []);
    const { cart: filled } = await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V60, quantity: 2, ...(sellingPlanId ? { sellingPlanId } : {}) }],
    });
    return { cartId: cart.id, lineId: filled!.lines.nodes[0]!.id };
  }

  it('puts a line on a plan, moves it to another, and null makes it one-time again; absent leaves it', async () => {
    const { cartId, lineId } = await oneLine();
    const steps: Array<[string | null | undefined, string | null, string]> = [
      [PLAN30, 'Delivers every 30 days, 10% off', '17.1'],
      [undefined, 'Delivers every 30 days, 10% off', '17.1'],
      [PLAN60, 'Every two months, 15% off', '16.15'],
      [null, null, '19.0'],
    ];
    for (const [sellingPlanId, name, price] of steps) {
      const { userErrors } = await mutate(store, ...LINES_UPDATE, {
        cartId,
        lines: [
          { id: lineId, ...(sellingPlanId === undefined ? { quantity: 2 } : { sellingPlanId }) },
        ],
      });
      expect(userErrors).toEqual([]);
      expect(lineSummary(await appCart(cartId))).toEqual([['60 softgels', name, 2, price]]);
    }
  });

  it('moving a line to a plan the variant already has a line on joins the two', async () => {
    const { cartId, lineId } = await oneLine();
    await mutate(store, ...LINES_ADD, {
      cartId,
      lines: [{ merchandiseId: V60, quantity: 3, sellingPlanId: PLAN30 }],
    });
    const { cart, userErrors } = await mutate(store, ...LINES_UPDATE, {
      cartId,
      lines: [{ id: lineId, sellingPlanId: PLAN30 }],
    });
    expect(userErrors).toEqual([]);
    expect(cart!.lines.nodes.map((line) => line.quantity)).toEqual([5]);
    expect(lineSummary(await appCart(cartId))).toEqual([
      ['60 softgels', 'Delivers every 30 days, 10% off', 5, '17.1'],
    ]);
  });

  it('refuses a join over the line cap, and a plan of another product, writing nothing', async () => {
    const { cartId, lineId } = await oneLine(PLAN30);
    await mutate(store, ...LINES_ADD, { cartId, lines: [{ merchandiseId: V60, quantity: 98 }] });
    const before = dbSnapshot(dataDir);
    const capped = await mutate(store, ...LINES_UPDATE, {
      cartId,
      lines: [{ id: lineId, sellingPlanId: null }],
    });
    expect(capped.userErrors).toEqual([
      {
        field: ['lines', '0', 'quantity'],
        code: 'MAXIMUM_EXCEEDED',
        message: 'One cart line cannot hold more than 99.',
      },
    ]);
    const d3 = await mutate(store, ...LINES_ADD, {
      cartId,
      lines: [{ merchandiseId: D90, quantity: 1 }],
    });
    const d3Line = d3.cart!.lines.nodes.find((line) => line.merchandise.id === D90)!.id;
    const between = dbSnapshot(dataDir);
    const foreign = await mutate(store, ...LINES_UPDATE, {
      cartId,
      lines: [{ id: d3Line, sellingPlanId: PLAN30 }],
    });
    expect(foreign.userErrors).toEqual([
      {
        field: ['lines', '0', 'sellingPlanId'],
        code: 'SELLING_PLAN_NOT_APPLICABLE',
        message:
          'The selling plan "Delivers every 30 days, 10% off" is not available for Test D3 (90 softgels).',
      },
    ]);
    expect(dbSnapshot(dataDir)).toBe(between);
    expect(before).not.toBe(between);
  });
});

describe('orders and catalog changes', () => {
  it('an order records each line’s plan by name and charges the plan price, discount after it', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V60, quantity: 2, sellingPlanId: PLAN60 },
    ]);
    await mutate(store, ...DISCOUNT_CODES, { cartId: cart.id, discountCodes: ['WELCOME10'] });
    const result = store.placeOrder(cart.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.order.lines.map(({ sellingPlanName, quantity, unitPrice, lineTotal }) => ({
        sellingPlanName,
        quantity,
        unitPrice,
        lineTotal,
      })),
    ).toEqual([
      { sellingPlanName: null, quantity: 1, unitPrice: usd('19.0'), lineTotal: usd('19.0') },
      {
        sellingPlanName: 'Every two months, 15% off',
        quantity: 2,
        unitPrice: usd('16.15'),
        lineTotal: usd('32.3'),
      },
    ]);
    // 19.00 + 32.30 = 51.30; 10% = 5.13.
    expect(result.order).toMatchObject({
      subtotal: usd('51.3'),
      discount: usd('5.13'),
      total: usd('46.17'),
    });
    expect(store.getOrder(result.order.id)).toEqual(result.order);
  });

  it('a line whose plan left the catalog is neither shown nor sold; its price is never guessed', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 1, sellingPlanId: PLAN60 },
    ]);
    // The same database, served from a catalog where the 60-day plan was removed.
    const [d3k2, d3] = catalog.products;
    const changed = createLocalStore({
      catalog: {
        ...catalog,
        products: [{ ...d3k2!, subscriptions: d3k2!.subscriptions.slice(0, 1) }, d3!],
      },
      dataDir,
      siteUrl: SITE_URL,
    });
    try {
      expect(
        (await readCart(changed, cart.id))!.lines.nodes.map((line) => line.merchandise.title),
      ).toEqual(['60 softgels']);
      const result = changed.placeOrder(cart.id);
      expect(
        result.ok && result.order.lines.map((line) => [line.sku, line.sellingPlanName]),
      ).toEqual([['T-60', null]]);
    } finally {
      changed.close();
    }
  });
});

describe('migration', () => {
  it('a database from before selling plans keeps its carts and orders: lines become one-time, order lines have no plan', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-v3-'));
    const db = new Database(path.join(dir, 'local-store.sqlite'));
    for (const migration of MIGRATIONS.slice(0, 3)) db.exec(migration);
    db.pragma('user_version = 3');
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO carts (token, created_at, updated_at) VALUES ('oldcart', ?, ?)`).run(
      now,
      now,
    );
    db.prepare(
      `INSERT INTO cart_lines (id, cart_token, sku, quantity, position) VALUES ('oldline', 'oldcart', 'T-60', 4, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO carts (token, created_at, updated_at, completed_at) VALUES ('ordered', ?, ?, ?)`,
    ).run(now, now, now);
    db.prepare(
      `INSERT INTO orders (id, number, cart_token, currency, subtotal_cents, total_cents, created_at) VALUES ('00000000-0000-4000-8000-000000000000', 1001, 'ordered', 'USD', 3200, 3200, ?)`,
    ).run(now);
    db.prepare(
      `INSERT INTO order_lines (order_id, sku, title, variant_title, quantity, unit_cents) VALUES ('00000000-0000-4000-8000-000000000000', 'T-120', 'Test D3 + K2', '120 softgels', 1, 3200)`,
    ).run();
    db.close();

    const migrated = createLocalStore({ catalog, dataDir: dir, siteUrl: SITE_URL });
    try {
      const cartId = 'gid://shopify/Cart/oldcart';
      expect((await readCart(migrated, cartId))!.lines.nodes).toEqual([
        expect.objectContaining({ id: 'gid://shopify/CartLine/oldline', quantity: 4 }),
      ]);
      expect(migrated.getOrder('00000000-0000-4000-8000-000000000000')!.lines).toEqual([
        {
          sku: 'T-120',
          title: 'Test D3 + K2',
          variantTitle: '120 softgels',
          sellingPlanName: null,
          quantity: 1,
          unitPrice: usd('32.0'),
          lineTotal: usd('32.0'),
        },
      ]);
      // The old line is the one-time line: a plan gets a line of its own, one-time units join the old one.
      await mutate(migrated, ...LINES_ADD, {
        cartId,
        lines: [
          { merchandiseId: V60, quantity: 1, sellingPlanId: PLAN30 },
          { merchandiseId: V60, quantity: 1 },
        ],
      });
      const read = (await run<{ cart: Cart }>(migrated, CART_QUERY, { cartId })).cart;
      expect(lineSummary(read)).toEqual([
        ['60 softgels', null, 5, '19.0'],
        ['60 softgels', 'Delivers every 30 days, 10% off', 1, '17.1'],
      ]);
    } finally {
      migrated.close();
    }
  });
});
