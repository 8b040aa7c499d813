import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog, createCart, freshStore, post, readCart } from './fixture';

const V60 = 'gid://shopify/ProductVariant/T-60';
const ADD = `mutation Add($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { message } } }`;

const { store, dataDir } = freshStore();
afterAll(() => store.close());

describe('concurrent cartLinesAdd never loses an update', () => {
  it('200 concurrent adds over 20 carts end with exact quantities', async () => {
    const carts = await Promise.all(Array.from({ length: 20 }, () => createCart(store)));
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        post(store, { query: ADD, variables: { cartId: carts[index % 20]!.id, lines: [{ merchandiseId: V60, quantity: 1 + (index % 3) }] } }),
      ),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    for (const [cartIndex, cart] of carts.entries()) {
      const expected = Array.from({ length: 200 }, (_, index) => index)
        .filter((index) => index % 20 === cartIndex)
        .reduce((sum, index) => sum + 1 + (index % 3), 0);
      expect((await readCart(store, cart.id))?.totalQuantity).toBe(expected);
    }
  });

  it('four processes adding to the same carts through one SQLite file end exact too', async () => {
    const carts = await Promise.all(Array.from({ length: 4 }, () => createCart(store)));
    const worker = path.join(dataDir, 'worker.mjs');
    fs.writeFileSync(
      worker,
      `import { createLocalStore } from ${JSON.stringify(path.resolve('lib/storefront/local/index.ts'))};
       const { carts, catalog, dataDir } = JSON.parse(process.argv[2]);
       const store = createLocalStore({ catalog, dataDir, siteUrl: 'http://shop.test' });
       const query = ${JSON.stringify(ADD)};
       for (let round = 0; round < 50; round++) {
         for (const cartId of carts) {
           const result = await store.execute({ query, variables: { cartId, lines: [{ merchandiseId: ${JSON.stringify(V60)}, quantity: 1 }] } });
           if (result.errors || result.data.cartLinesAdd.userErrors.length) throw new Error(JSON.stringify(result));
         }
       }
       store.close();`,
    );
    const exits = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<number | null>((resolve) => {
            const child = fork(worker, [JSON.stringify({ carts: carts.map((cart) => cart.id), catalog, dataDir })], {
              execArgv: ['--import', 'tsx'],
              stdio: 'inherit',
            });
            child.on('exit', resolve);
          }),
      ),
    );
    expect(exits).toEqual([0, 0, 0, 0]);
    for (const cart of carts) expect((await readCart(store, cart.id))?.totalQuantity).toBe(200);
  }, 60_000);
});
