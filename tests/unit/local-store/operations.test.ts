import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { CART_FIELDS, createCart, freshStore, readCart, run, type Payload } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

const V60 = 'gid://shopify/ProductVariant/T-60';
const V120 = 'gid://shopify/ProductVariant/T-120';
const PAYLOAD = `cart { ${CART_FIELDS} } userErrors { field message code }`;

describe('product queries', () => {
  it('answers product(handle:) with options, variants, prices, stock and images as Shopify shapes them', async () => {
    const data = await run<{ product: Record<string, unknown> & { variants: { nodes: Array<Record<string, unknown>> } } }>(
      store,
      `query($handle: String!) @inContext(country: US, language: EN) {
        product(handle: $handle) {
          id handle title vendor availableForSale
          options { name optionValues { name } }
          featuredImage { url altText width height }
          images(first: 5) { nodes { url } }
          priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
          variants(first: 10) { nodes {
            id title sku availableForSale quantityAvailable
            price { amount currencyCode } compareAtPrice { amount }
            selectedOptions { name value } image { url }
          } }
        }
      }`,
      { handle: 'test-d3k2' },
    );
    expect(data.product).toMatchObject({
      id: 'gid://shopify/Product/test-d3k2',
      title: 'Test D3 + K2',
      availableForSale: true,
      options: [{ name: 'Size', optionValues: [{ name: '60 softgels' }, { name: '120 softgels' }] }],
      featuredImage: { url: 'http://shop.test/images/test.svg', altText: 'Test bottle', width: 600, height: 600 },
      images: { nodes: [{ url: 'http://shop.test/images/test.svg' }] },
      priceRange: { minVariantPrice: { amount: '19.0', currencyCode: 'USD' }, maxVariantPrice: { amount: '32.0' } },
    });
    expect(data.product.variants.nodes).toEqual([
      expect.objectContaining({ id: V60, sku: 'T-60', quantityAvailable: 500, price: { amount: '19.0', currencyCode: 'USD' }, compareAtPrice: null }),
      expect.objectContaining({ id: V120, quantityAvailable: 5, compareAtPrice: { amount: '38.0' }, selectedOptions: [{ name: 'Size', value: '120 softgels' }] }),
    ]);
  });

  it('reports a sold-out product as not available for sale, and an unknown handle as null', async () => {
    const data = await run<{ soldOut: { availableForSale: boolean }; missing: null }>(
      store,
      `{ soldOut: product(handle: "test-d3") { availableForSale } missing: product(handle: "nope") { id } }`,
    );
    expect(data).toEqual({ soldOut: { availableForSale: false }, missing: null });
  });

  it('lists products as a connection with edges, nodes and pageInfo', async () => {
    const data = await run<{ products: { edges: Array<{ node: { handle: string } }>; pageInfo: { hasNextPage: boolean } } }>(
      store,
      `{ products(first: 1) { edges { cursor node { handle } } pageInfo { hasNextPage } } }`,
    );
    expect(data.products.edges.map((edge) => edge.node.handle)).toEqual(['test-d3k2']);
    expect(data.products.pageInfo.hasNextPage).toBe(true);
  });
});

describe('cart mutations', () => {
  it('cartCreate with lines computes quantities, costs and a checkout URL', async () => {
    const cart = await createCart(store, [{ merchandiseId: V120, quantity: 2 }]);
    expect(cart.id).toMatch(/^gid:\/\/shopify\/Cart\/[\w-]{20,}$/);
    expect(cart.totalQuantity).toBe(2);
    expect(cart.cost.subtotalAmount).toEqual({ amount: '64.0', currencyCode: 'USD' });
    expect(cart.checkoutUrl).toMatch(/^http:\/\/shop\.test\/checkout\?cart=/);
    expect(cart.lines.edges[0]?.node.merchandise).toEqual({ id: V120, title: '120 softgels' });
  });

  it('cartLinesAdd merges the same variant into one line and adds new ones', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const data = await run<{ cartLinesAdd: Payload }>(store, `mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) { ${PAYLOAD} } }`, {
      id: cart.id,
      lines: [
        { merchandiseId: V60, quantity: 2 },
        { merchandiseId: V120, quantity: 1 },
      ],
    });
    expect(data.cartLinesAdd.userErrors).toEqual([]);
    expect(data.cartLinesAdd.cart?.lines.edges.map((edge) => [edge.node.merchandise.title, edge.node.quantity])).toEqual([
      ['60 softgels', 3],
      ['120 softgels', 1],
    ]);
    expect(data.cartLinesAdd.cart?.cost.totalAmount.amount).toBe('89.0');
  });

  it('cartLinesUpdate sets quantities, and 0 removes the line', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 1 },
      { merchandiseId: V120, quantity: 1 },
    ]);
    const [first, second] = cart.lines.edges.map((edge) => edge.node.id);
    const data = await run<{ cartLinesUpdate: Payload }>(store, `mutation($id: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $id, lines: $lines) { ${PAYLOAD} } }`, {
      id: cart.id,
      lines: [
        { id: first, quantity: 4 },
        { id: second, quantity: 0 },
      ],
    });
    expect(data.cartLinesUpdate.cart?.lines.edges.map((edge) => edge.node.quantity)).toEqual([4]);
    expect(data.cartLinesUpdate.cart?.cost.subtotalAmount.amount).toBe('76.0');
  });

  it('cartLinesRemove removes lines', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const data = await run<{ cartLinesRemove: Payload }>(store, `mutation($id: ID!, $ids: [ID!]!) { cartLinesRemove(cartId: $id, lineIds: $ids) { ${PAYLOAD} } }`, {
      id: cart.id,
      ids: [cart.lines.edges[0]!.node.id],
    });
    expect(data.cartLinesRemove.cart).toMatchObject({ totalQuantity: 0, lines: { edges: [] }, cost: { subtotalAmount: { amount: '0.0' } } });
  });

  it('cartNoteUpdate, cartAttributesUpdate and cartBuyerIdentityUpdate store what they are given', async () => {
    const cart = await createCart(store);
    await run(store, `mutation($id: ID!) { cartNoteUpdate(cartId: $id, note: "Gift wrap") { userErrors { message } } }`, { id: cart.id });
    await run(store, `mutation($id: ID!) { cartAttributesUpdate(cartId: $id, attributes: [{ key: "source", value: "pdp" }]) { userErrors { message } } }`, { id: cart.id });
    await run(store, `mutation($id: ID!) { cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: { countryCode: CA, email: "a@b.test" }) { userErrors { message } } }`, { id: cart.id });
    expect(await readCart(store, cart.id)).toMatchObject({
      note: 'Gift wrap',
      attributes: [{ key: 'source', value: 'pdp' }],
      buyerIdentity: { countryCode: 'CA', email: 'a@b.test' },
    });
  });

  it('cartDiscountCodesUpdate applies a known code to the total', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 2 }]);
    const data = await run<{ cartDiscountCodesUpdate: Payload }>(store, `mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["welcome10"]) { ${PAYLOAD} } }`, { id: cart.id });
    expect(data.cartDiscountCodesUpdate.userErrors).toEqual([]);
    expect(data.cartDiscountCodesUpdate.cart).toMatchObject({
      discountCodes: [{ code: 'WELCOME10', applicable: true }],
      cost: { subtotalAmount: { amount: '38.0' }, totalAmount: { amount: '34.2' } },
    });
  });
});

describe('userErrors, the way Shopify returns them, and nothing changes', () => {
  it('unknown merchandise', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const data = await run<{ cartLinesAdd: Payload }>(store, `mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: "gid://shopify/ProductVariant/NOPE", quantity: 1 }]) { ${PAYLOAD} } }`, { id: cart.id });
    expect(data.cartLinesAdd.userErrors).toEqual([
      { field: ['lines', '0', 'merchandiseId'], code: 'INVALID_MERCHANDISE_LINE', message: 'The merchandise with id gid://shopify/ProductVariant/NOPE does not exist.' },
    ]);
    expect(data.cartLinesAdd.cart?.totalQuantity).toBe(1);
  });

  it('quantity over stock, also when several lines are added at once', async () => {
    const cart = await createCart(store, [{ merchandiseId: V120, quantity: 4 }]);
    const data = await run<{ cartLinesAdd: Payload }>(
      store,
      `mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: "${V60}", quantity: 1 }, { merchandiseId: "${V120}", quantity: 2 }]) { ${PAYLOAD} } }`,
      { id: cart.id },
    );
    expect(data.cartLinesAdd.userErrors).toEqual([
      { field: ['lines', '1', 'quantity'], code: 'MAXIMUM_EXCEEDED', message: 'Only 5 of Test D3 + K2, 120 softgels can be in a cart: that is all the stock.' },
    ]);
    // The whole mutation is refused: the first line was not added either.
    expect((await readCart(store, cart.id))?.lines.edges.map((edge) => [edge.node.merchandise.title, edge.node.quantity])).toEqual([['120 softgels', 4]]);
  });

  it('sold out', async () => {
    const data = await run<{ cartCreate: Payload }>(store, `mutation { cartCreate(input: { lines: [{ merchandiseId: "gid://shopify/ProductVariant/D-90", quantity: 1 }] }) { ${PAYLOAD} } }`);
    expect(data.cartCreate).toEqual({ cart: null, userErrors: [expect.objectContaining({ code: 'MAXIMUM_EXCEEDED', message: 'Test D3, 90 softgels is sold out.' })] });
  });

  it('unknown discount code', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    await run(store, `mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["WELCOME10"]) { userErrors { message } } }`, { id: cart.id });
    const data = await run<{ cartDiscountCodesUpdate: Payload }>(store, `mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["WELCOME10", "FREEMONEY"]) { ${PAYLOAD} } }`, { id: cart.id });
    expect(data.cartDiscountCodesUpdate.userErrors).toEqual([{ field: ['discountCodes'], code: 'INVALID', message: 'Discount code FREEMONEY is not valid.' }]);
    expect(data.cartDiscountCodesUpdate.cart?.discountCodes).toEqual([{ code: 'WELCOME10', applicable: true }]);
  });

  it('a cart that does not exist', async () => {
    const data = await run<{ cartLinesAdd: Payload }>(store, `mutation { cartLinesAdd(cartId: "gid://shopify/Cart/not-a-cart", lines: [{ merchandiseId: "${V60}" }]) { ${PAYLOAD} } }`);
    expect(data.cartLinesAdd).toEqual({ cart: null, userErrors: [{ field: ['cartId'], code: 'INVALID', message: 'The specified cart does not exist.' }] });
  });

  it.each([
    [-1, 'The quantity must be at least 1.'],
    [0, 'The quantity must be at least 1.'],
    [1000, 'The quantity cannot be more than 999.'],
  ])('quantity %i in an add', async (quantity, message) => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const data = await run<{ cartLinesAdd: Payload }>(store, `mutation($id: ID!, $q: Int!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: "${V60}", quantity: $q }]) { ${PAYLOAD} } }`, {
      id: cart.id,
      q: quantity,
    });
    expect(data.cartLinesAdd.userErrors.map((error) => error.message)).toEqual([message]);
    expect(data.cartLinesAdd.cart?.totalQuantity).toBe(1);
  });
});

describe('fields the local store does not implement', () => {
  it('answer with an error naming the field, never a silent null', async () => {
    const cart = await createCart(store);
    const result = await store.execute({ query: `query($id: ID!) { cart(id: $id) { id deliveryGroups(first: 1) { nodes { id } } } }`, variables: { id: cart.id } });
    expect(result.errors?.map((error) => error.message)).toEqual(['The local store does not implement Cart.deliveryGroups.']);
    const root = await store.execute({ query: '{ collections(first: 1) { nodes { id } } }' });
    expect(root.errors?.map((error) => error.message)).toEqual(['The local store does not implement QueryRoot.collections.']);
  });
});

describe("hydrogen-react's CartProvider documents", () => {
  it('run without errors: every field of its default cart fragment resolves', async () => {
    const require = createRequire(import.meta.url);
    const queries = (await import(require.resolve('@shopify/hydrogen-react').replace(/index\.js$/, 'cart-queries.mjs'))) as Record<string, unknown>;
    const fragment = queries.defaultCartFragment as string;
    const build = (name: string) => (queries[name] as (fragment: string) => string)(fragment);
    const context = { numCartLines: 250, country: 'US', language: 'EN' };

    const created = await run<{ cartCreate: { cart: { id: string; lines: { edges: Array<{ node: { id: string } }> } } } }>(store, build('CartCreate'), {
      ...context,
      input: { lines: [{ merchandiseId: V60, quantity: 1 }], buyerIdentity: { countryCode: 'US' } },
    });
    const cartId = created.cartCreate.cart.id;
    const lineId = created.cartCreate.cart.lines.edges[0]!.node.id;
    const operations: Array<[string, Record<string, unknown>]> = [
      ['CartQuery', { id: cartId }],
      ['CartLineAdd', { cartId, lines: [{ merchandiseId: V120, quantity: 1 }] }],
      ['CartLineUpdate', { cartId, lines: [{ id: lineId, quantity: 2 }] }],
      ['CartNoteUpdate', { cartId, note: 'hello' }],
      ['CartBuyerIdentityUpdate', { cartId, buyerIdentity: { countryCode: 'US' } }],
      ['CartAttributesUpdate', { cartId, attributes: [{ key: 'a', value: 'b' }] }],
      ['CartDiscountCodesUpdate', { cartId, discountCodes: [] }],
      ['CartLineRemove', { cartId, lines: [lineId] }],
    ];
    for (const [name, variables] of operations) {
      const result = await store.execute({ query: build(name), variables: { ...context, ...variables } });
      expect({ name, errors: result.errors?.map((error) => error.message) }).toEqual({ name, errors: undefined });
    }
    expect(readFileSync(require.resolve('@shopify/hydrogen-react/storefront.schema.json'), 'utf8').length).toBeGreaterThan(1000);
  });
});
