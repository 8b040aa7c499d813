import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, toCatalog } from '@/lib/content';
import { createLocalStore } from '@/lib/storefront/local';
import {
  createCart,
  dbSnapshot,
  DISCOUNT_CODES,
  freshStore,
  LINES_ADD,
  LINES_UPDATE,
  mutate,
  PLAN30,
  V60,
} from './fixture';

const { store, dataDir } = freshStore();
afterAll(() => store.close());

// The fixture's codes: WELCOME10 (10%, any subtotal) and BIG20 (20% from a 100.00 subtotal).
describe('discount codes from content, with a minimum subtotal', () => {
  it('a code below its minimum is refused in the store’s words, and nothing is written', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 5 }]); // 95.00
    const before = dbSnapshot(dataDir);
    const { cart: unchanged, userErrors } = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['big20'],
    });
    expect(userErrors).toEqual([
      {
        field: ['discountCodes'],
        code: 'INVALID',
        message: 'Discount code BIG20 needs a subtotal of at least $100.00.',
      },
    ]);
    expect(unchanged!.discountCodes).toEqual([]);
    expect(dbSnapshot(dataDir)).toBe(before);
  });

  it('the minimum is measured after subscription prices', async () => {
    // 6 × 19.00 = 114.00 one-time, but 6 × 17.10 = 102.60 on the 30-day plan; 5 on the plan = 85.50.
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 5, sellingPlanId: PLAN30 },
    ]);
    const refused = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['BIG20'],
    });
    expect(refused.userErrors.map((error) => error.message)).toEqual([
      'Discount code BIG20 needs a subtotal of at least $100.00.',
    ]);
    await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V60, quantity: 1, sellingPlanId: PLAN30 }],
    });
    const { cart: discounted, userErrors } = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['BIG20'],
    });
    expect(userErrors).toEqual([]);
    // 102.60 less 20% (20.52) = 82.08
    expect(discounted).toMatchObject({
      discountCodes: [{ code: 'BIG20', applicable: true }],
      discountAllocations: [{ code: 'BIG20', discountedAmount: { amount: '20.52' } }],
      cost: { subtotalAmount: { amount: '102.6' }, totalAmount: { amount: '82.08' } },
    });
  });

  it('a code whose cart drops below the minimum stays, marked not applicable, takes nothing off, and does not block other changes', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 6 }]); // 114.00
    const added = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['BIG20'],
    });
    expect(added.userErrors).toEqual([]);
    const lineId = added.cart!.lines.nodes[0]!.id;
    const lowered = await mutate(store, ...LINES_UPDATE, {
      cartId: cart.id,
      lines: [{ id: lineId, quantity: 2 }],
    });
    expect(lowered).toMatchObject({
      userErrors: [],
      cart: {
        discountCodes: [{ code: 'BIG20', applicable: false }],
        discountAllocations: [],
        cost: { subtotalAmount: { amount: '38.0' }, totalAmount: { amount: '38.0' } },
      },
    });
    // Adding WELCOME10 sends the list with BIG20 still on it: BIG20 is kept, not refused.
    const both = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['BIG20', 'WELCOME10'],
    });
    expect(both.userErrors).toEqual([]);
    expect(both.cart).toMatchObject({
      discountCodes: [
        { code: 'BIG20', applicable: false },
        { code: 'WELCOME10', applicable: true },
      ],
      discountAllocations: [{ code: 'WELCOME10', discountedAmount: { amount: '3.8' } }],
    });
    const result = store.placeOrder(cart.id);
    expect(
      result.ok && [
        result.order.subtotal.amount,
        result.order.discount.amount,
        result.order.total.amount,
      ],
    ).toEqual(['38.0', '3.8', '34.2']);
  });

  it('a code content does not declare is not valid', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const { userErrors } = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['SUMMER50'],
    });
    expect(userErrors).toEqual([
      {
        field: ['discountCodes'],
        code: 'INVALID',
        message: 'Discount code SUMMER50 is not valid.',
      },
    ]);
  });

  it('the store built from content/ accepts WELCOME10 at 10%', async () => {
    const { content } = checkContent();
    const real = createLocalStore({
      catalog: toCatalog(content!),
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-content-')),
      siteUrl: 'http://shop.test',
    });
    try {
      const cart = await createCart(real, [
        { merchandiseId: 'gid://shopify/ProductVariant/D3K2-60', quantity: 1 },
      ]);
      const { cart: discounted, userErrors } = await mutate(real, ...DISCOUNT_CODES, {
        cartId: cart.id,
        discountCodes: ['welcome10'],
      });
      expect(userErrors).toEqual([]);
      expect(discounted).toMatchObject({
        discountAllocations: [{ code: 'WELCOME10', discountedAmount: { amount: '1.9' } }],
        cost: { totalAmount: { amount: '17.1' } },
      });
    } finally {
      real.close();
    }
  });
});
