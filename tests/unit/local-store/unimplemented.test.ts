import { afterAll, describe, expect, it } from 'vitest';
import { createCart, freshStore, V60 } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

async function errorsOf(selection: string) {
  const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
  const mutation = selection.startsWith('mutation ');
  const query = mutation
    ? selection
    : selection.includes('$id')
      ? `query($id: ID!) { ${selection} }`
      : `{ ${selection} }`;
  const result = await store.execute({
    query,
    variables: selection.includes('$id') ? { id: cart.id } : {},
  });
  return result.errors?.map((error) => ({ message: error.message, extensions: error.extensions }));
}

const named = (what: string) => [
  {
    message: `The local store does not implement ${what}.`,
    extensions: { code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' },
  },
];

describe('what the local store does not implement answers with an error naming it, never a silent null', () => {
  it.each([
    ['Cart.deliveryGroups', 'cart(id: $id) { id deliveryGroups(first: 1) { nodes { id } } }'],
    ['Cart.note', 'cart(id: $id) { note }'],
    ['Cart.buyerIdentity', 'cart(id: $id) { buyerIdentity { email } }'],
    ['Cart.attributes', 'cart(id: $id) { attributes { key } }'],
    ['CartCost.checkoutChargeAmount', 'cart(id: $id) { cost { checkoutChargeAmount { amount } } }'],
    ['BaseCartLineConnection.edges', 'cart(id: $id) { lines(first: 1) { edges { node { id } } } }'],
    [
      'CartLine.instructions',
      'cart(id: $id) { lines(first: 1) { nodes { ... on CartLine { instructions { canRemove } } } } }',
    ],
    [
      'ProductVariant.storeAvailability',
      'cart(id: $id) { lines(first: 1) { nodes { merchandise { ... on ProductVariant { storeAvailability(first: 1) { nodes { available } } } } } } }',
    ],
    [
      'Product.collections',
      'product(handle: "test-d3k2") { collections(first: 1) { nodes { id } } }',
    ],
    ['Product.descriptionHtml', 'product(handle: "test-d3k2") { descriptionHtml }'],
    [
      'ProductVariantConnection.pageInfo',
      'product(handle: "test-d3k2") { variants(first: 1) { pageInfo { hasNextPage } } }',
    ],
    ['QueryRoot.products', 'products(first: 1) { nodes { id } }'],
    ['QueryRoot.node', 'node(id: "gid://shopify/Product/test-d3k2") { id }'],
    ['QueryRoot.nodes', 'nodes(ids: ["gid://shopify/Product/test-d3k2"]) { id }'],
    ['Shop.name', 'shop { name }'],
  ])('%s', async (field, selection) => {
    expect(await errorsOf(selection)).toEqual(named(field));
  });

  it.each([
    [
      'Mutation.cartNoteUpdate',
      'mutation { cartNoteUpdate(cartId: "x", note: "hi") { cart { id } } }',
    ],
    [
      'Mutation.cartAttributesUpdate',
      'mutation { cartAttributesUpdate(cartId: "x", attributes: []) { cart { id } } }',
    ],
    [
      'Mutation.cartBuyerIdentityUpdate',
      'mutation { cartBuyerIdentityUpdate(cartId: "x", buyerIdentity: {}) { cart { id } } }',
    ],
    [
      'Mutation.cartGiftCardCodesUpdate',
      'mutation { cartGiftCardCodesUpdate(cartId: "x", giftCardCodes: []) { cart { id } } }',
    ],
  ])('%s', async (field, selection) => {
    expect(await errorsOf(selection)).toEqual(named(field));
  });

  it.each([
    [
      'the id argument of QueryRoot.product',
      'product(id: "gid://shopify/Product/test-d3k2") { id }',
    ],
    [
      'the after argument of Product.variants',
      'product(handle: "test-d3k2") { variants(first: 1, after: "MA") { nodes { id } } }',
    ],
    [
      'the sortKey argument of Product.variants',
      'product(handle: "test-d3k2") { variants(first: 1, sortKey: TITLE) { nodes { id } } }',
    ],
    [
      'the reverse argument of Cart.lines',
      'cart(id: $id) { lines(first: 1, reverse: true) { nodes { id } } }',
    ],
  ])('%s is refused, not ignored', async (what, selection) => {
    expect(await errorsOf(selection)).toEqual(named(what));
  });

  it('arguments left at their schema defaults are not refused', async () => {
    expect(
      await errorsOf(
        'product(handle: "test-d3k2") { variants(first: 1, reverse: false, sortKey: POSITION) { nodes { id } } }',
      ),
    ).toBeUndefined();
  });

  it('legitimately empty fields are explicit nulls and empty lists, without errors', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const result = await store.execute({
      query: `query($id: ID!) { cart(id: $id) { discountCodes { code } discountAllocations { discountedAmount { amount } }
        lines(first: 1) { nodes { merchandise { ... on ProductVariant { compareAtPrice { amount } } } } } } }`,
      variables: { id: cart.id },
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      cart: {
        discountCodes: [],
        discountAllocations: [],
        lines: { nodes: [{ merchandise: { compareAtPrice: null } }] },
      },
    });
  });
});
