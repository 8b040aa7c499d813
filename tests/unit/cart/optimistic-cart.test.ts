import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  PENDING_LINE_PREFIX,
  type PendingLine,
} from '@/components/cart/optimistic-cart';
import type { CartView, Money } from '@/lib/storefront/cart-view';

const usd = (amount: string): Money => ({ amount, currencyCode: 'USD' });
const pending: PendingLine = {
  merchandiseId: 'gid://shopify/ProductVariant/D3K2-120',
  productTitle: 'Vitamin D3 + K2',
  productHandle: 'vitamin-d3-k2',
  variantTitle: '120 softgels',
  image: null,
  unitPrice: usd('32.0'),
  quantityAvailable: 120,
  sellingPlan: null,
  planChoices: [{ id: 'gid://shopify/SellingPlan/30', name: 'Delivers every 30 days, 10% off' }],
};
const storeCart: CartView = {
  totalQuantity: 2,
  subtotal: usd('38.0'),
  discount: usd('0.0'),
  total: usd('38.0'),
  discountCodes: [],
  checkoutUrl: 'https://shop.example/checkout',
  lines: [
    {
      ...pending,
      id: 'gid://shopify/CartLine/a',
      merchandiseId: 'gid://shopify/ProductVariant/D3K2-60',
      variantTitle: '60 softgels',
      unitPrice: usd('19.0'),
      totalPrice: usd('38.0'),
      quantity: 2,
    },
  ],
};

describe('what the shopper sees before the store answers', () => {
  it('a first add shows a pending line with its price, and the totals', () => {
    const cart = applyEdit(undefined, { type: 'add', line: pending, quantity: 2 });
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({
      id: `${PENDING_LINE_PREFIX}${pending.merchandiseId}:`,
      quantity: 2,
      totalPrice: usd('64.00'),
    });
    expect(cart).toMatchObject({ totalQuantity: 2, subtotal: usd('64.00') });
  });

  it('adding a variant already in the cart raises that line instead of adding another', () => {
    const cart = applyEdit(storeCart, {
      type: 'add',
      line: {
        ...pending,
        merchandiseId: 'gid://shopify/ProductVariant/D3K2-60',
        unitPrice: usd('19.0'),
      },
      quantity: 1,
    });
    expect(cart.lines).toHaveLength(1);
    expect(cart).toMatchObject({ totalQuantity: 3, subtotal: usd('57.00') });
  });

  it('the same size one-time and on a plan are two lines, as in the store', () => {
    const oneTime = applyEdit(undefined, { type: 'add', line: pending, quantity: 1 });
    const both = applyEdit(oneTime, {
      type: 'add',
      line: { ...pending, sellingPlan: pending.planChoices[0]!, unitPrice: usd('28.80') },
      quantity: 1,
    });
    expect(
      both.lines.map((line) => [line.sellingPlan?.name ?? 'one-time', line.totalPrice.amount]),
    ).toEqual([
      ['one-time', '32.00'],
      ['Delivers every 30 days, 10% off', '28.80'],
    ]);
    expect(both.subtotal).toEqual(usd('60.80'));
  });

  it('quantity changes apply in order, each on top of the last, and 0 removes the line', () => {
    let cart = storeCart;
    for (let quantity = 3; quantity <= 12; quantity++)
      cart = applyEdit(cart, { type: 'quantity', lineId: 'gid://shopify/CartLine/a', quantity });
    expect(cart).toMatchObject({ totalQuantity: 12, subtotal: usd('228.00') });
    expect(
      applyEdit(cart, { type: 'quantity', lineId: 'gid://shopify/CartLine/a', quantity: 0 }).lines,
    ).toEqual([]);
    expect(applyEdit(cart, { type: 'remove', lineId: 'gid://shopify/CartLine/a' })).toMatchObject({
      totalQuantity: 0,
      subtotal: usd('0.00'),
    });
  });

  it('never changes the store cart it was given', () => {
    const before = structuredClone(storeCart);
    applyEdit(storeCart, { type: 'quantity', lineId: 'gid://shopify/CartLine/a', quantity: 9 });
    expect(storeCart).toEqual(before);
  });
});
