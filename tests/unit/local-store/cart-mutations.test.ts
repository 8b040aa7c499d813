import { afterAll, describe, expect, it } from 'vitest';
import {
  createCart,
  D90,
  DISCOUNT_CODES,
  freshStore,
  LINES_ADD,
  LINES_REMOVE,
  LINES_UPDATE,
  mutate,
  quantities,
  readCart,
  run,
  V120,
  V60,
} from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

describe('cartCreate', () => {
  it('creates a cart with lines and a discount code, costed in exact cents', async () => {
    const { cart, userErrors } = await mutate(store, 'cartCreate', 'input: $input', {
      input: {
        lines: [
          { merchandiseId: V120, quantity: 2 },
          { merchandiseId: D90, quantity: 3 },
        ],
        discountCodes: ['WELCOME10'],
      },
    });
    expect(userErrors).toEqual([]);
    expect(cart!.id).toMatch(/^gid:\/\/shopify\/Cart\/[\w-]{22,}$/);
    expect(cart).toMatchObject({
      totalQuantity: 5,
      discountCodes: [{ code: 'WELCOME10', applicable: true }],
      // 2 × 32.00 + 3 × 29.99 = 153.97; 10% = 15.397, rounded to 15.40.
      discountAllocations: [
        { code: 'WELCOME10', discountedAmount: { amount: '15.4', currencyCode: 'USD' } },
      ],
      cost: {
        subtotalAmount: { amount: '153.97', currencyCode: 'USD' },
        totalAmount: { amount: '138.57', currencyCode: 'USD' },
      },
    });
    expect(cart!.lines.nodes).toEqual([
      {
        id: expect.stringMatching(/^gid:\/\/shopify\/CartLine\/[\w-]+$/),
        quantity: 2,
        merchandise: { __typename: 'ProductVariant', id: V120, title: '120 softgels' },
        cost: { amountPerQuantity: { amount: '32.0' }, totalAmount: { amount: '64.0' } },
      },
      {
        id: expect.stringMatching(/^gid:\/\/shopify\/CartLine\//),
        quantity: 3,
        merchandise: { __typename: 'ProductVariant', id: D90, title: '90 softgels' },
        cost: { amountPerQuantity: { amount: '29.99' }, totalAmount: { amount: '89.97' } },
      },
    ]);
    expect(await readCart(store, cart!.id)).toEqual(cart);
  });

  it('creates an empty cart without input', async () => {
    const data = await run<{
      cartCreate: { cart: { totalQuantity: number; cost: { totalAmount: { amount: string } } } };
    }>(store, 'mutation { cartCreate { cart { totalQuantity cost { totalAmount { amount } } } } }');
    expect(data.cartCreate.cart).toEqual({
      totalQuantity: 0,
      cost: { totalAmount: { amount: '0.0' } },
    });
  });

  it('gives a checkout URL without the cart id in it: the id is a bearer secret, and the checkout reads the cookie', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    expect(cart.checkoutUrl).toBe('http://shop.test/checkout');
  });
});

describe('cart lines', () => {
  it('cartLinesAdd merges the same variant into one line and appends new ones', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const { cart: after, userErrors } = await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V60, quantity: 2 }, { merchandiseId: V120 }],
    });
    expect(userErrors).toEqual([]);
    expect(quantities(after)).toEqual([
      ['60 softgels', 3],
      ['120 softgels', 1],
    ]);
    expect(after!.lines.nodes[0]!.id).toBe(cart.lines.nodes[0]!.id);
    expect(after).toMatchObject({
      totalQuantity: 4,
      cost: { subtotalAmount: { amount: '89.0' }, totalAmount: { amount: '89.0' } },
    });
  });

  it('cartLinesUpdate sets quantities, quantity 0 removes the line, and a line without a quantity is left as it is', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 1 },
      { merchandiseId: D90, quantity: 2 },
    ]);
    const [first, second, third] = cart.lines.nodes.map((node) => node.id);
    const { cart: after, userErrors } = await mutate(store, ...LINES_UPDATE, {
      cartId: cart.id,
      lines: [{ id: first, quantity: 4 }, { id: second, quantity: 0 }, { id: third }],
    });
    expect(userErrors).toEqual([]);
    expect(quantities(after)).toEqual([
      ['60 softgels', 4],
      ['90 softgels', 2],
    ]);
    expect(after).toMatchObject({
      totalQuantity: 6,
      cost: { subtotalAmount: { amount: '135.98' } },
    });
  });

  it('cartLinesRemove removes lines', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 2 },
    ]);
    const { cart: after } = await mutate(store, ...LINES_REMOVE, {
      cartId: cart.id,
      lineIds: [cart.lines.nodes[0]!.id],
    });
    expect(quantities(after)).toEqual([['120 softgels', 2]]);
    const { cart: empty } = await mutate(store, ...LINES_REMOVE, {
      cartId: cart.id,
      lineIds: [after!.lines.nodes[0]!.id],
    });
    expect(empty).toMatchObject({
      totalQuantity: 0,
      lines: { nodes: [] },
      cost: { subtotalAmount: { amount: '0.0' }, totalAmount: { amount: '0.0' } },
    });
  });

  it('lines(first:) returns that many lines', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 1 },
    ]);
    const data = await run<{ cart: { lines: { nodes: Array<{ quantity: number }> } } }>(
      store,
      'query($id: ID!) { cart(id: $id) { lines(first: 1) { nodes { quantity } } } }',
      { id: cart.id },
    );
    expect(data.cart.lines.nodes).toHaveLength(1);
  });
});

describe('cart details', () => {
  it('cartDiscountCodesUpdate applies WELCOME10 (any case) to the total, and an empty list removes it', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 2 }]);
    const applied = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['welcome10'],
    });
    expect(applied.userErrors).toEqual([]);
    expect(applied.cart).toMatchObject({
      discountCodes: [{ code: 'WELCOME10', applicable: true }],
      discountAllocations: [
        { code: 'WELCOME10', discountedAmount: { amount: '3.8', currencyCode: 'USD' } },
      ],
      cost: { subtotalAmount: { amount: '38.0' }, totalAmount: { amount: '34.2' } },
    });
    const removed = await mutate(store, ...DISCOUNT_CODES, { cartId: cart.id, discountCodes: [] });
    expect(removed.cart).toMatchObject({
      discountCodes: [],
      discountAllocations: [],
      cost: { totalAmount: { amount: '38.0' } },
    });
  });

  it('cart(id:) is null for an unknown or malformed id, like Shopify', async () => {
    expect(await readCart(store, 'gid://shopify/Cart/AAAAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(await readCart(store, 'not a cart id')).toBeNull();
  });
});
