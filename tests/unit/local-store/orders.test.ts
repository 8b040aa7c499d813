import { afterAll, describe, expect, it } from 'vitest';
import { createCart, freshStore, readCart, run } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

const V120 = 'gid://shopify/ProductVariant/T-120';
const stock = async () =>
  (await run<{ product: { variants: { nodes: Array<{ quantityAvailable: number }> } } }>(store, '{ product(handle: "test-d3k2") { variants(first: 5) { nodes { quantityAvailable } } } }')).product
    .variants.nodes[1]!.quantityAvailable;

describe('local checkout', () => {
  it('places an order from the cart, takes it out of stock, and closes the cart', async () => {
    const cart = await createCart(store, [{ merchandiseId: V120, quantity: 2 }]);
    const result = store.placeOrder(cart.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order).toMatchObject({
      name: '#1001',
      lines: [{ sku: 'T-120', title: 'Test D3 + K2', variantTitle: '120 softgels', quantity: 2, lineTotal: { amount: '64.0', currencyCode: 'USD' } }],
      total: { amount: '64.0' },
    });
    expect(store.getOrder(result.order.id)).toEqual(result.order);
    expect(await stock()).toBe(3);
    expect(await readCart(store, cart.id)).toBeNull();
    expect(store.placeOrder(cart.id)).toEqual({ ok: false, message: 'This cart does not exist or was already checked out.' });
  });

  it('refuses an empty cart, an unknown cart, and a cart that wants more than is left', async () => {
    const empty = await createCart(store);
    expect(store.placeOrder(empty.id)).toEqual({ ok: false, message: 'Your cart is empty: add something before checking out.' });
    expect(store.placeOrder('gid://shopify/Cart/unknown')).toMatchObject({ ok: false });

    const first = await createCart(store, [{ merchandiseId: V120, quantity: 3 }]);
    const second = await createCart(store, [{ merchandiseId: V120, quantity: 3 }]);
    expect(store.placeOrder(first.id).ok).toBe(true);
    expect(store.placeOrder(second.id)).toEqual({ ok: false, message: 'Only 0 of Test D3 + K2, 120 softgels are left. Lower the quantity and try again.' });
    expect((await readCart(store, second.id))?.totalQuantity).toBe(3);
  });
});
