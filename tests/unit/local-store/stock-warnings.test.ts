import { afterAll, describe, expect, it } from 'vitest';
import {
  CART_FIELDS,
  createCart,
  D30,
  freshStore,
  run,
  V120,
  V60,
  type CartShape,
  type UserErrorShape,
} from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

interface Warned {
  cart: CartShape | null;
  userErrors: UserErrorShape[];
  warnings: Array<{ code: string; message: string; target: string }>;
}

const PAYLOAD = `cart { ${CART_FIELDS} } userErrors { field message code } warnings { code message target }`;

async function add(cartId: string, lines: Array<{ merchandiseId: string; quantity: number }>) {
  const data = await run<{ cartLinesAdd: Warned }>(
    store,
    `mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`,
    { cartId, lines },
  );
  return data.cartLinesAdd;
}

async function update(cartId: string, lines: Array<{ id: string; quantity: number }>) {
  const data = await run<{ cartLinesUpdate: Warned }>(
    store,
    `mutation($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`,
    { cartId, lines },
  );
  return data.cartLinesUpdate;
}

async function create(lines: Array<{ merchandiseId: string; quantity: number }>) {
  const data = await run<{ cartCreate: Warned }>(
    store,
    `mutation($input: CartInput) { cartCreate(input: $input) { ${PAYLOAD} } }`,
    { input: { lines } },
  );
  return data.cartCreate;
}

/**
 * Stock as Shopify answers it since API 2024-10: the quantity is clamped to what is available, the
 * change is made, and a CartWarning says so; it is not a userError.
 */
describe('stock warnings', () => {
  it('adding more than is in stock adds what there is and warns MERCHANDISE_NOT_ENOUGH_STOCK on the line', async () => {
    // T-120 has 5 in stock; the cart already holds 4.
    const cart = await createCart(store, [{ merchandiseId: V120, quantity: 4 }]);
    const answer = await add(cart.id, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 3 },
    ]);
    expect(answer.userErrors).toEqual([]);
    expect(answer.cart!.lines.nodes.map((line) => [line.merchandise.id, line.quantity])).toEqual([
      [V120, 5],
      [V60, 1],
    ]);
    expect(answer.warnings).toEqual([
      {
        code: 'MERCHANDISE_NOT_ENOUGH_STOCK',
        message: 'Only 5 of Test D3 + K2 (120 softgels) are in stock; your cart has all 5.',
        target: cart.lines.nodes[0]!.id,
      },
    ]);
  });

  it('raising a quantity past the stock sets it to the stock and warns; lowering never warns', async () => {
    const cart = await createCart(store, [{ merchandiseId: V120, quantity: 2 }]);
    const line = cart.lines.nodes[0]!.id;
    const raised = await update(cart.id, [{ id: line, quantity: 9 }]);
    expect(raised.userErrors).toEqual([]);
    expect(raised.cart!.lines.nodes[0]!.quantity).toBe(5);
    expect(raised.warnings).toEqual([
      expect.objectContaining({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', target: line }),
    ]);
    const lowered = await update(cart.id, [{ id: line, quantity: 1 }]);
    expect(lowered.warnings).toEqual([]);
    expect(lowered.cart!.lines.nodes[0]!.quantity).toBe(1);
  });

  it('a sold-out size is not added: MERCHANDISE_OUT_OF_STOCK, targeting the merchandise', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const answer = await add(cart.id, [{ merchandiseId: D30, quantity: 1 }]);
    expect(answer.userErrors).toEqual([]);
    expect(answer.cart!.totalQuantity).toBe(1);
    expect(answer.warnings).toEqual([
      {
        code: 'MERCHANDISE_OUT_OF_STOCK',
        message: 'Test D3 (30 softgels) is sold out.',
        target: D30,
      },
    ]);
  });

  it('cartCreate keeps the lines in stock and warns about the rest', async () => {
    const answer = await create([
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: D30, quantity: 1 },
    ]);
    expect(answer.userErrors).toEqual([]);
    expect(answer.cart!.lines.nodes.map((line) => line.merchandise.id)).toEqual([V60]);
    expect(answer.warnings.map((warning) => warning.code)).toEqual(['MERCHANDISE_OUT_OF_STOCK']);
  });
});
