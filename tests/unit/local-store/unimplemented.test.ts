import { afterAll, describe, expect, it } from 'vitest';
import { createCart, freshStore, V60 } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

describe('fields the local store does not implement', () => {
  it.each([
    ['Cart.deliveryGroups', 'cart(id: $id) { id deliveryGroups(first: 1) { nodes { id } } }'],
    ['Cart.metafield', 'cart(id: $id) { metafield(key: "k") { value } }'],
    ['CartLine.instructions', 'cart(id: $id) { lines(first: 1) { nodes { ... on CartLine { instructions { canRemove } } } } }'],
    ['ProductVariant.storeAvailability', 'cart(id: $id) { lines(first: 1) { nodes { merchandise { ... on ProductVariant { storeAvailability(first: 1) { nodes { available } } } } } } }'],
    ['Product.collections', 'product(handle: "test-d3k2") { collections(first: 1) { nodes { id } } }'],
    ['Product.updatedAt', 'product(handle: "test-d3k2") { updatedAt }'],
    ['QueryRoot.collections', 'collections(first: 1) { nodes { id } }'],
    ['QueryRoot.customer', 'customer(customerAccessToken: "x") { id }'],
    ['QueryRoot.shop', 'shop { name }'],
  ])('%s answers with an error naming it, never a silent null', async (field, selection) => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const query = selection.includes('$id') ? `query($id: ID!) { ${selection} }` : `{ ${selection} }`;
    const result = await store.execute({ query, variables: selection.includes('$id') ? { id: cart.id } : {} });
    expect(result.errors?.map((error) => error.message)).toEqual([`The local store does not implement ${field}.`]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' });
  });

  it('a mutation the local store does not implement errors the same way', async () => {
    const result = await store.execute({ query: 'mutation { cartGiftCardCodesUpdate(cartId: "x", giftCardCodes: []) { cart { id } } }' });
    expect(result.errors?.map((error) => error.message)).toEqual(['The local store does not implement Mutation.cartGiftCardCodesUpdate.']);
  });

  it('legitimately empty fields are explicit nulls and empty lists, without errors', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    const result = await store.execute({
      query: `query($id: ID!) { cart(id: $id) {
        buyerIdentity { customer { id } }
        cost { totalTaxAmount { amount } totalDutyAmount { amount } }
        appliedGiftCards { id }
        discountAllocations { discountedAmount { amount } }
        lines(first: 1) { nodes { sellingPlanAllocation { sellingPlan { id } } discountAllocations { discountedAmount { amount } }
          merchandise { ... on ProductVariant { compareAtPrice { amount } unitPrice { amount } } } } }
      } }`,
      variables: { id: cart.id },
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      cart: {
        buyerIdentity: { customer: null },
        cost: { totalTaxAmount: null, totalDutyAmount: null },
        appliedGiftCards: [],
        discountAllocations: [],
        lines: { nodes: [{ sellingPlanAllocation: null, discountAllocations: [], merchandise: { compareAtPrice: null, unitPrice: null } }] },
      },
    });
  });
});
