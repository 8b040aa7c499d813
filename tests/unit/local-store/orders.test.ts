import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createCart,
  D90,
  dbSnapshot,
  freshStore,
  mutate,
  readCart,
  run,
  V120,
  V60,
} from './fixture';

const { store, dataDir } = freshStore();
afterAll(() => store.close());

const stock = async () =>
  (
    await run<{
      product: {
        availableForSale: boolean;
        variants: { nodes: Array<{ quantityAvailable: number; availableForSale: boolean }> };
      };
    }>(
      store,
      '{ product(handle: "test-d3k2") { availableForSale variants(first: 5) { nodes { quantityAvailable availableForSale } } } }',
    )
  ).product;

describe('local checkout', () => {
  it('places an order from the cart, takes it out of stock, and the cart is then gone', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V120, quantity: 2 },
      { merchandiseId: V60, quantity: 1 },
    ]);
    await mutate(
      store,
      'cartDiscountCodesUpdate',
      'cartId: $cartId, discountCodes: $discountCodes',
      { cartId: cart.id, discountCodes: ['WELCOME10'] },
    );
    const result = store.placeOrder(cart.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      number: 1001,
      name: '#1001',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      currency: 'USD',
      lines: [
        {
          sku: 'T-120',
          title: 'Test D3 + K2',
          variantTitle: '120 softgels',
          sellingPlanName: null,
          quantity: 2,
          unitPrice: { amount: '32.0', currencyCode: 'USD' },
          lineTotal: { amount: '64.0', currencyCode: 'USD' },
        },
        {
          sku: 'T-60',
          title: 'Test D3 + K2',
          variantTitle: '60 softgels',
          sellingPlanName: null,
          quantity: 1,
          unitPrice: { amount: '19.0', currencyCode: 'USD' },
          lineTotal: { amount: '19.0', currencyCode: 'USD' },
        },
      ],
      subtotal: { amount: '83.0', currencyCode: 'USD' },
      discount: { amount: '8.3', currencyCode: 'USD' },
      total: { amount: '74.7', currencyCode: 'USD' },
    });
    expect(store.getOrder(result.order.id)).toEqual(result.order);
    expect(await stock()).toEqual({
      availableForSale: true,
      variants: {
        nodes: [
          { quantityAvailable: 499, availableForSale: true },
          { quantityAvailable: 3, availableForSale: true },
        ],
      },
    });

    expect(await readCart(store, cart.id)).toBeNull();
    const add = await mutate(store, 'cartLinesAdd', 'cartId: $cartId, lines: $lines', {
      cartId: cart.id,
      lines: [{ merchandiseId: V60 }],
    });
    expect(add).toEqual({
      cart: null,
      userErrors: [
        { field: ['cartId'], code: 'INVALID', message: 'The specified cart does not exist.' },
      ],
    });
    expect(store.placeOrder(cart.id)).toEqual({
      ok: false,
      message: 'This cart does not exist or was already checked out.',
    });
  });

  it('numbers orders in sequence', async () => {
    const cart = await createCart(store, [{ merchandiseId: D90, quantity: 1 }]);
    const result = store.placeOrder(cart.id);
    expect(result.ok && result.order.name).toBe('#1002');
  });

  it('refuses an empty cart, an unknown cart and a malformed id with a message, writing nothing', async () => {
    const empty = await createCart(store);
    const before = dbSnapshot(dataDir);
    expect(store.placeOrder(empty.id)).toEqual({
      ok: false,
      message: 'Your cart is empty: add something before checking out.',
    });
    expect(store.placeOrder('gid://shopify/Cart/AAAAAAAAAAAAAAAAAAAAAAAA')).toEqual({
      ok: false,
      message: 'This cart does not exist or was already checked out.',
    });
    expect(store.placeOrder('nonsense')).toEqual({
      ok: false,
      message: 'This cart does not exist or was already checked out.',
    });
    expect(dbSnapshot(dataDir)).toBe(before);
    expect(store.getOrder('nonsense')).toBeNull();
  });

  it('re-checks stock at checkout: the second of two carts wanting the last units is refused and kept', async () => {
    const first = await createCart(store, [{ merchandiseId: V120, quantity: 3 }]);
    const second = await createCart(store, [{ merchandiseId: V120, quantity: 2 }]);
    expect(store.placeOrder(first.id).ok).toBe(true);
    const before = dbSnapshot(dataDir);
    expect(store.placeOrder(second.id)).toEqual({
      ok: false,
      message:
        'Test D3 + K2 (120 softgels) is sold out. Lower the quantity in your cart and try again.',
    });
    expect(dbSnapshot(dataDir)).toBe(before);
    expect((await readCart(store, second.id))?.totalQuantity).toBe(2);
    expect((await stock()).variants.nodes[1]).toEqual({
      quantityAvailable: 0,
      availableForSale: false,
    });
  });

  it('holds a cart filled past the caps (before they existed) to them: nothing is ordered or written', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 60 },
      { merchandiseId: D90, quantity: 30 },
    ]);
    const token = cart.id.replace('gid://shopify/Cart/', '');
    const sql = (statement: string, ...params: unknown[]) => {
      const db = new Database(path.join(dataDir, 'local-store.sqlite'));
      db.prepare(statement).run(...params);
      db.close();
    };
    // 100 + 30 units: over the 120-unit cart cap, and one line over the 99-unit line cap.
    sql(`UPDATE cart_lines SET quantity = 100 WHERE cart_token = ? AND sku = 'T-60'`, token);
    let before = dbSnapshot(dataDir);
    expect(store.placeOrder(cart.id)).toEqual({
      ok: false,
      message:
        'A cart can hold at most 120 items in all, and yours has 130. Lower a quantity and try again.',
    });
    expect(dbSnapshot(dataDir)).toBe(before);

    sql(`UPDATE cart_lines SET quantity = 1 WHERE cart_token = ? AND sku = 'D-90'`, token);
    before = dbSnapshot(dataDir);
    expect(store.placeOrder(cart.id)).toEqual({
      ok: false,
      message:
        'Test D3 + K2 (60 softgels): one cart line cannot hold more than 99. Lower the quantity and try again.',
    });
    expect(dbSnapshot(dataDir)).toBe(before);
  });

  it('orders what the cart shows: a line whose variant left the catalog is neither shown nor sold', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const db = new Database(path.join(dataDir, 'local-store.sqlite'));
    db.prepare(
      `INSERT INTO cart_lines (id, cart_token, sku, quantity, position) VALUES ('gone', ?, 'RETIRED', 2, 9)`,
    ).run(cart.id.replace('gid://shopify/Cart/', ''));
    db.close();
    expect((await readCart(store, cart.id))?.totalQuantity).toBe(1);
    const result = store.placeOrder(cart.id);
    expect(result.ok && result.order.lines.map((line) => [line.sku, line.quantity])).toEqual([
      ['T-60', 1],
    ]);
  });
});
