import { describe, expect, it } from 'vitest';
import { consentModeState, ecommerceEvents, viewItem } from '@/lib/analytics/data-layer';
import type { CartLineView, CartView } from '@/lib/storefront/cart-view';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' as const });
const line = (overrides: Partial<CartLineView> = {}): CartLineView => ({
  id: 'gid://shopify/CartLine/1',
  merchandiseId: 'gid://shopify/ProductVariant/D3K2-60',
  quantity: 2,
  productTitle: 'Vitamin D3 + K2',
  productHandle: 'vitamin-d3-k2',
  variantTitle: '60 softgels',
  image: null,
  unitPrice: usd('24.00'),
  totalPrice: usd('48.00'),
  quantityAvailable: 100,
  sellingPlan: null,
  planChoices: [],
  ...overrides,
});
const cart = (lines: CartLineView[], codes: CartView['discountCodes'] = []): CartView => ({
  totalQuantity: lines.reduce((sum, item) => sum + item.quantity, 0),
  subtotal: usd('0'),
  discount: usd('0'),
  total: usd('0'),
  discountCodes: codes,
  checkoutUrl: 'https://checkout.example/c/1',
  lines,
});

describe('GA4 ecommerce events for the dataLayer', () => {
  it('view_item names the variant shown, with its price and brand', () => {
    expect(
      viewItem({
        handle: 'vitamin-d3-k2',
        productId: 'gid://shopify/Product/1',
        variantId: 'gid://shopify/ProductVariant/42',
        title: 'Vitamin D3 + K2',
        variantTitle: '120 softgels',
        vendor: 'Northfield',
        price: '38.50',
        currency: 'USD',
        sku: 'D3K2-120',
      }),
    ).toEqual({
      event: 'view_item',
      ecommerce: {
        currency: 'USD',
        value: 38.5,
        items: [
          {
            item_id: '42',
            item_name: 'Vitamin D3 + K2',
            item_variant: '120 softgels',
            item_brand: 'Northfield',
            price: 38.5,
            quantity: 1,
          },
        ],
      },
    });
  });

  it('add_to_cart counts the units added, priced as the store priced the line (plan included)', () => {
    const planned = line({
      id: 'gid://shopify/CartLine/2',
      quantity: 5,
      unitPrice: usd('21.60'),
      sellingPlan: { id: 'gid://shopify/SellingPlan/30', name: 'Delivers every 30 days, 10% off' },
    });
    const [added] = ecommerceEvents({
      type: 'add',
      merchandiseId: planned.merchandiseId,
      sellingPlanId: 'gid://shopify/SellingPlan/30',
      quantity: 3,
      cart: cart([line(), planned]),
    });
    expect(added).toEqual({
      event: 'add_to_cart',
      ecommerce: {
        currency: 'USD',
        value: 64.8,
        items: [
          {
            item_id: 'D3K2-60',
            item_name: 'Vitamin D3 + K2',
            item_variant: '60 softgels, Delivers every 30 days, 10% off',
            price: 21.6,
            quantity: 3,
          },
        ],
      },
    });
  });

  it('a quantity change is an add or a remove of the difference; no change is no event', () => {
    expect(ecommerceEvents({ type: 'quantity', line: line(), quantity: 5 })[0]).toMatchObject({
      event: 'add_to_cart',
      ecommerce: { value: 72, items: [{ quantity: 3 }] },
    });
    expect(ecommerceEvents({ type: 'quantity', line: line(), quantity: 1 })[0]).toMatchObject({
      event: 'remove_from_cart',
      ecommerce: { value: 24, items: [{ quantity: 1 }] },
    });
    expect(ecommerceEvents({ type: 'quantity', line: line(), quantity: 2 })).toEqual([]);
  });

  it('remove_from_cart takes the whole line', () => {
    expect(ecommerceEvents({ type: 'remove', line: line() })[0]).toMatchObject({
      event: 'remove_from_cart',
      ecommerce: { value: 48, items: [{ item_id: 'D3K2-60', quantity: 2 }] },
    });
  });

  it('view_cart and begin_checkout list every line, with the codes that apply as the coupon', () => {
    const full = cart(
      [
        line(),
        line({
          id: 'x',
          merchandiseId: 'gid://shopify/ProductVariant/D3-90',
          quantity: 1,
          unitPrice: usd('15.00'),
        }),
      ],
      [
        { code: 'WELCOME10', applicable: true },
        { code: 'EXPIRED', applicable: false },
      ],
    );
    expect(ecommerceEvents({ type: 'view', cart: full })[0]).toMatchObject({
      event: 'view_cart',
      ecommerce: { value: 63, coupon: 'WELCOME10', items: [{ quantity: 2 }, { item_id: 'D3-90' }] },
    });
    expect(ecommerceEvents({ type: 'checkout', cart: full })[0]?.event).toBe('begin_checkout');
    expect(ecommerceEvents({ type: 'view', cart: cart([]) })).toEqual([]);
  });

  it("Google's consent mode follows the two choices", () => {
    expect(consentModeState({ analytics: true, marketing: false })).toEqual({
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });
  });
});
