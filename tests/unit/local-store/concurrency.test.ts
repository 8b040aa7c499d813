import { afterAll, describe, expect, it } from 'vitest';
import { createCart, freshStore, readCart, run, V120, V60 } from './fixture';
import { inProcesses } from './processes';

const ADD = `mutation Add($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { message } } }`;

const { store, dataDir } = freshStore();
afterAll(() => store.close());

describe('concurrent cartLinesAdd never loses an update', () => {
  it('200 concurrent in-process adds over 20 carts end with exact quantities', async () => {
    const carts = await Promise.all(Array.from({ length: 20 }, () => createCart(store)));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        store.execute({
          query: ADD,
          variables: {
            cartId: carts[index % 20]!.id,
            lines: [{ merchandiseId: V60, quantity: 1 + (index % 3) }],
          },
        }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(
      results.flatMap(
        (result) =>
          (result.data as { cartLinesAdd: { userErrors: unknown[] } }).cartLinesAdd.userErrors,
      ),
    ).toEqual([]);
    for (const [cartIndex, cart] of carts.entries()) {
      const expected = Array.from({ length: 200 }, (_, index) => index)
        .filter((index) => index % 20 === cartIndex)
        .reduce((sum, index) => sum + 1 + (index % 3), 0);
      const after = await readCart(store, cart.id);
      expect(after?.totalQuantity).toBe(expected);
      expect(after?.lines.nodes).toHaveLength(1);
    }
  });

  it('four processes adding to the same carts through one SQLite file end exact too', async () => {
    const carts = (await Promise.all(Array.from({ length: 4 }, () => createCart(store)))).map(
      (cart) => cart.id,
    );
    // 4 processes × 24 rounds = 96 units a cart, under the 99-unit line cap.
    const reports = await inProcesses(
      dataDir,
      Array.from({ length: 4 }, () => ({
        kind: 'add' as const,
        carts,
        merchandiseId: V60,
        rounds: 24,
      })),
    );
    expect(reports.map((report) => [report.added, report.refused, report.errors])).toEqual(
      Array(4).fill([96, [], []]),
    );
    for (const cartId of carts) expect((await readCart(store, cartId))?.totalQuantity).toBe(96);
  }, 60_000);

  it('four processes racing for the last 5 units of stock put exactly 5 in the cart', async () => {
    const cart = await createCart(store);
    const reports = await inProcesses(
      dataDir,
      Array.from({ length: 4 }, () => ({
        kind: 'add' as const,
        carts: [cart.id],
        merchandiseId: V120,
        rounds: 5,
      })),
    );
    expect(reports.reduce((sum, report) => sum + report.added, 0)).toBe(5);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.flatMap((report) => report.refused)).toHaveLength(15);
    expect((await readCart(store, cart.id))?.totalQuantity).toBe(5);
  }, 60_000);

  it('four processes checking out carts that each want the last 5 units: exactly one order is placed', async () => {
    const carts = await Promise.all(
      Array.from({ length: 4 }, () => createCart(store, [{ merchandiseId: V120, quantity: 5 }])),
    );
    const reports = await inProcesses(
      dataDir,
      carts.map((cart) => ({ kind: 'order' as const, cartId: cart.id })),
    );
    expect(reports.filter((report) => report.order?.ok)).toHaveLength(1);
    expect(
      reports.filter((report) => !report.order?.ok).map((report) => report.order?.message),
    ).toEqual(
      Array(3).fill(
        'Test D3 + K2 (120 softgels) is sold out. Lower the quantity in your cart and try again.',
      ),
    );
    const { product } = await run<{
      product: { variants: { nodes: Array<{ quantityAvailable: number }> } };
    }>(
      store,
      '{ product(handle: "test-d3k2") { variants(first: 2) { nodes { quantityAvailable } } } }',
    );
    expect(product.variants.nodes[1]!.quantityAvailable).toBe(0);
  }, 60_000);
});
