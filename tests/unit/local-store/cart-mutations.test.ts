import { afterAll, describe, expect, it } from 'vitest';
import { createCart, D90, freshStore, mutate, quantities, readCart, run, V120, V60 } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

describe('cartCreate', () => {
  it('creates a cart with lines, note, attributes, buyer identity and a discount code, costed in exact cents', async () => {
    const { cart, userErrors } = await mutate(store, 'cartCreate', 'input: $input', {
      input: {
        lines: [
          { merchandiseId: V120, quantity: 2 },
          { merchandiseId: D90, quantity: 3 },
        ],
        note: 'Leave at the door',
        attributes: [{ key: 'source', value: 'pdp' }],
        buyerIdentity: { countryCode: 'CA', email: 'shopper@example.com' },
        discountCodes: ['WELCOME10'],
      },
    });
    expect(userErrors).toEqual([]);
    const token = cart!.id.replace('gid://shopify/Cart/', '');
    expect(token).toMatch(/^[\w-]{22,}$/);
    expect(cart).toMatchObject({
      checkoutUrl: `http://shop.test/checkout?cart=${encodeURIComponent(token)}`,
      totalQuantity: 5,
      note: 'Leave at the door',
      attributes: [{ key: 'source', value: 'pdp' }],
      buyerIdentity: { countryCode: 'CA', email: 'shopper@example.com', phone: null, customer: null },
      discountCodes: [{ code: 'WELCOME10', applicable: true }],
      // 2 × 32.00 + 3 × 29.99 = 153.97; 10% = 15.397, rounded to 15.40.
      discountAllocations: [{ code: 'WELCOME10', discountedAmount: { amount: '15.4', currencyCode: 'USD' } }],
      cost: {
        subtotalAmount: { amount: '153.97', currencyCode: 'USD' },
        totalAmount: { amount: '138.57', currencyCode: 'USD' },
        checkoutChargeAmount: { amount: '138.57' },
        totalTaxAmount: null,
        totalDutyAmount: null,
      },
    });
    expect(Date.parse(cart!.createdAt)).not.toBeNaN();
    expect(cart!.lines.edges.map(({ node }) => node)).toEqual([
      {
        id: expect.stringMatching(/^gid:\/\/shopify\/CartLine\/[\w-]+$/),
        quantity: 2,
        attributes: [],
        merchandise: { __typename: 'ProductVariant', id: V120, title: '120 softgels' },
        cost: { totalAmount: { amount: '64.0' }, subtotalAmount: { amount: '64.0' }, amountPerQuantity: { amount: '32.0' }, compareAtAmountPerQuantity: { amount: '38.0' } },
        discountAllocations: [],
        sellingPlanAllocation: null,
      },
      {
        id: expect.stringMatching(/^gid:\/\/shopify\/CartLine\//),
        quantity: 3,
        attributes: [],
        merchandise: { __typename: 'ProductVariant', id: D90, title: '90 softgels' },
        cost: { totalAmount: { amount: '89.97' }, subtotalAmount: { amount: '89.97' }, amountPerQuantity: { amount: '29.99' }, compareAtAmountPerQuantity: { amount: '34.99' } },
        discountAllocations: [],
        sellingPlanAllocation: null,
      },
    ]);
    expect(await readCart(store, cart!.id)).toEqual(cart);
  });

  it('creates an empty cart without input', async () => {
    const data = await run<{ cartCreate: { cart: { totalQuantity: number; cost: { totalAmount: { amount: string } } } } }>(
      store,
      'mutation { cartCreate { cart { totalQuantity cost { totalAmount { amount } } } } }',
    );
    expect(data.cartCreate.cart).toEqual({ totalQuantity: 0, cost: { totalAmount: { amount: '0.0' } } });
  });
});

describe('cart lines', () => {
  it('cartLinesAdd merges the same variant into one line and appends new ones', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const { cart: after, userErrors } = await mutate(store, 'cartLinesAdd', 'cartId: $cartId, lines: $lines', {
      cartId: cart.id,
      lines: [
        { merchandiseId: V60, quantity: 2 },
        { merchandiseId: V120 },
      ],
    });
    expect(userErrors).toEqual([]);
    expect(quantities(after)).toEqual([
      ['60 softgels', 3],
      ['120 softgels', 1],
    ]);
    expect(after!.lines.edges[0]!.node.id).toBe(cart.lines.edges[0]!.node.id);
    expect(after).toMatchObject({ totalQuantity: 4, cost: { subtotalAmount: { amount: '89.0' }, totalAmount: { amount: '89.0' } } });
  });

  it('keeps the same variant with different line attributes on separate lines, as Shopify does', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const { cart: after } = await mutate(store, 'cartLinesAdd', 'cartId: $cartId, lines: $lines', {
      cartId: cart.id,
      lines: [
        { merchandiseId: V60, quantity: 1, attributes: [{ key: 'engraving', value: 'A' }] },
        { merchandiseId: V60, quantity: 2, attributes: [{ key: 'engraving', value: 'A' }] },
      ],
    });
    expect(after!.lines.edges.map(({ node }) => [node.quantity, node.attributes])).toEqual([
      [1, []],
      [3, [{ key: 'engraving', value: 'A' }]],
    ]);
  });

  it('cartLinesUpdate sets quantities, and quantity 0 removes the line', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 1 },
    ]);
    const [first, second] = cart.lines.edges.map(({ node }) => node.id);
    const { cart: after, userErrors } = await mutate(store, 'cartLinesUpdate', 'cartId: $cartId, lines: $lines', {
      cartId: cart.id,
      lines: [
        { id: first, quantity: 4 },
        { id: second, quantity: 0 },
      ],
    });
    expect(userErrors).toEqual([]);
    expect(quantities(after)).toEqual([['60 softgels', 4]]);
    expect(after).toMatchObject({ totalQuantity: 4, cost: { subtotalAmount: { amount: '76.0' } } });
  });

  it('cartLinesUpdate switches a line to another size in place, and merges into a line already holding it', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 2 },
      { merchandiseId: D90, quantity: 1 },
    ]);
    const [sixty, ninety] = cart.lines.edges.map(({ node }) => node.id);
    const switched = await mutate(store, 'cartLinesUpdate', 'cartId: $cartId, lines: $lines', { cartId: cart.id, lines: [{ id: sixty, merchandiseId: V120 }] });
    expect(switched.cart!.lines.edges.map(({ node }) => [node.id, node.merchandise.title, node.quantity])).toEqual([
      [sixty, '120 softgels', 2],
      [ninety, '90 softgels', 1],
    ]);
    const merged = await mutate(store, 'cartLinesUpdate', 'cartId: $cartId, lines: $lines', { cartId: cart.id, lines: [{ id: ninety, merchandiseId: V120, quantity: 1 }] });
    expect(merged.userErrors).toEqual([]);
    expect(merged.cart!.lines.edges.map(({ node }) => [node.id, node.merchandise.title, node.quantity])).toEqual([[sixty, '120 softgels', 3]]);
  });

  it('cartLinesUpdate sets line attributes', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const { cart: after } = await mutate(store, 'cartLinesUpdate', 'cartId: $cartId, lines: $lines', {
      cartId: cart.id,
      lines: [{ id: cart.lines.edges[0]!.node.id, attributes: [{ key: 'gift', value: 'yes' }] }],
    });
    expect(after!.lines.edges[0]!.node).toMatchObject({ quantity: 1, attributes: [{ key: 'gift', value: 'yes' }] });
  });

  it('cartLinesRemove removes lines', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 2 },
    ]);
    const { cart: after } = await mutate(store, 'cartLinesRemove', 'cartId: $cartId, lineIds: $lineIds', { cartId: cart.id, lineIds: [cart.lines.edges[0]!.node.id] });
    expect(quantities(after)).toEqual([['120 softgels', 2]]);
    const { cart: empty } = await mutate(store, 'cartLinesRemove', 'cartId: $cartId, lineIds: $lineIds', { cartId: cart.id, lineIds: [after!.lines.edges[0]!.node.id] });
    expect(empty).toMatchObject({ totalQuantity: 0, lines: { edges: [] }, cost: { subtotalAmount: { amount: '0.0' }, totalAmount: { amount: '0.0' } } });
  });
});

describe('cart details', () => {
  it('cartNoteUpdate stores the note and moves updatedAt', async () => {
    const cart = await createCart(store);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { cart: after } = await mutate(store, 'cartNoteUpdate', 'cartId: $cartId, note: $note', { cartId: cart.id, note: 'Gift wrap, please' });
    expect(after!.note).toBe('Gift wrap, please');
    expect(after!.createdAt).toBe(cart.createdAt);
    expect(Date.parse(after!.updatedAt)).toBeGreaterThan(Date.parse(cart.updatedAt));
  });

  it('cartAttributesUpdate adds and replaces attributes by key', async () => {
    const cart = await createCart(store);
    await mutate(store, 'cartAttributesUpdate', 'cartId: $cartId, attributes: $attributes', { cartId: cart.id, attributes: [{ key: 'source', value: 'pdp' }, { key: 'ref', value: 'a' }] });
    const { cart: after } = await mutate(store, 'cartAttributesUpdate', 'cartId: $cartId, attributes: $attributes', { cartId: cart.id, attributes: [{ key: 'ref', value: 'b' }] });
    expect(after!.attributes).toEqual([
      { key: 'source', value: 'pdp' },
      { key: 'ref', value: 'b' },
    ]);
    const single = await run<{ cart: { attribute: { value: string } | null; missing: null } }>(
      store,
      `query($id: ID!) { cart(id: $id) { attribute(key: "ref") { value } missing: attribute(key: "nope") { value } } }`,
      { id: cart.id },
    );
    expect(single.cart).toEqual({ attribute: { value: 'b' }, missing: null });
  });

  it('cartBuyerIdentityUpdate keeps fields left out and clears fields set to null', async () => {
    const cart = await createCart(store);
    await mutate(store, 'cartBuyerIdentityUpdate', 'cartId: $cartId, buyerIdentity: $buyerIdentity', { cartId: cart.id, buyerIdentity: { countryCode: 'CA', email: 'a@b.test', phone: '+15555550100' } });
    const { cart: after } = await mutate(store, 'cartBuyerIdentityUpdate', 'cartId: $cartId, buyerIdentity: $buyerIdentity', { cartId: cart.id, buyerIdentity: { countryCode: 'US', phone: null } });
    expect(after!.buyerIdentity).toEqual({ countryCode: 'US', email: 'a@b.test', phone: null, customer: null });
  });

  it('cartDiscountCodesUpdate applies WELCOME10 (any case) to the total, and an empty list removes it', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 2 }]);
    const applied = await mutate(store, 'cartDiscountCodesUpdate', 'cartId: $cartId, discountCodes: $discountCodes', { cartId: cart.id, discountCodes: ['welcome10'] });
    expect(applied.userErrors).toEqual([]);
    expect(applied.cart).toMatchObject({
      discountCodes: [{ code: 'WELCOME10', applicable: true }],
      discountAllocations: [{ code: 'WELCOME10', discountedAmount: { amount: '3.8', currencyCode: 'USD' } }],
      cost: { subtotalAmount: { amount: '38.0' }, totalAmount: { amount: '34.2' }, checkoutChargeAmount: { amount: '34.2' } },
    });
    const allocation = await run<{ cart: { discountAllocations: unknown[] } }>(
      store,
      `query($id: ID!) { cart(id: $id) { discountAllocations { targetType ... on CartCodeDiscountAllocation {
          discountApplication { allocationMethod targetSelection targetType value { ... on PricingPercentageValue { percentage } } } } } } }`,
      { id: cart.id },
    );
    expect(allocation.cart.discountAllocations).toEqual([
      { targetType: 'LINE_ITEM', discountApplication: { allocationMethod: 'ACROSS', targetSelection: 'ALL', targetType: 'LINE_ITEM', value: { percentage: 10 } } },
    ]);
    const removed = await mutate(store, 'cartDiscountCodesUpdate', 'cartId: $cartId, discountCodes: $discountCodes', { cartId: cart.id, discountCodes: [] });
    expect(removed.cart).toMatchObject({ discountCodes: [], discountAllocations: [], cost: { totalAmount: { amount: '38.0' } } });
  });

  it('cart(id:) is null for an unknown or malformed id, like Shopify', async () => {
    expect(await readCart(store, 'gid://shopify/Cart/AAAAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(await readCart(store, 'not a cart id')).toBeNull();
  });
});
