import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCart, ENDPOINT, freshStore, post, readCart, type CartShape } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

const V60 = 'gid://shopify/ProductVariant/T-60';
const ADD = `mutation Add($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { totalQuantity } userErrors { message code } } }`;

let cart: CartShape;
beforeAll(async () => {
  cart = await createCart(store, [{ merchandiseId: V60, quantity: 3 }]);
});

interface BadInput {
  name: string;
  request: () => Promise<Response>;
  status: number;
  message: RegExp;
}

const badInputs: BadInput[] = [
  { name: 'malformed JSON', request: () => post(store, '{"query": "mutation {'), status: 400, message: /not valid JSON/ },
  { name: 'wrong content type', request: () => post(store, JSON.stringify({ query: '{ cart(id: "x") { id } }' }), 'text/plain'), status: 415, message: /Content-Type: application\/json/ },
  {
    name: 'GET',
    request: () => store.handleRequest(new Request(`${ENDPOINT}?query={shop{name}}`)),
    status: 405,
    message: /Use POST/,
  },
  { name: 'missing query', request: () => post(store, { variables: {} }), status: 400, message: /needs a "query"/ },
  { name: 'variables that are not an object', request: () => post(store, { query: ADD, variables: [1] }), status: 400, message: /"variables" must be a JSON object/ },
  { name: 'GraphQL syntax error', request: () => post(store, { query: 'mutation { cartLinesAdd(' }), status: 400, message: /Syntax Error/ },
  { name: 'a field Shopify does not have', request: () => post(store, { query: '{ cart(id: "x") { notAField } }' }), status: 400, message: /Cannot query field "notAField"/ },
  { name: 'unknown operation name', request: () => post(store, { query: ADD, operationName: 'Nope', variables: {} }), status: 400, message: /Unknown operation named "Nope"/ },
  {
    name: 'a quantity over 32 bits',
    request: () => post(store, { query: ADD, variables: { cartId: '', lines: [{ merchandiseId: V60, quantity: 2147483648 }] } }),
    status: 400,
    message: /Int cannot represent non 32-bit signed integer value/,
  },
  {
    name: 'a string where a quantity goes',
    request: () => post(store, { query: ADD, variables: { cartId: '', lines: [{ merchandiseId: V60, quantity: 'two' }] } }),
    status: 400,
    message: /Int cannot represent non-integer value/,
  },
  { name: 'a body over 100 kB', request: () => post(store, { query: `# ${'x'.repeat(120_000)}\n{ shop { name } }` }), status: 413, message: /larger than/ },
];

describe('bad input to the local endpoint gets a clear error, the right status, and changes nothing', () => {
  it.each(badInputs)('$name → $status', async ({ request, status, message }) => {
    const response = await request();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toMatch(message);
    expect((await readCart(store, cart.id))?.totalQuantity).toBe(3);
  });

  it.each([
    ['a negative quantity', -5, 'The quantity must be at least 1.'],
    ['a huge quantity', 100_000, 'The quantity cannot be more than 999.'],
  ])('%s is refused in userErrors with HTTP 200', async (_name, quantity, message) => {
    const response = await post(store, { query: ADD, variables: { cartId: cart.id, lines: [{ merchandiseId: V60, quantity }] } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { cartLinesAdd: { cart: { totalQuantity: number }; userErrors: Array<{ message: string }> } } };
    expect(body.data.cartLinesAdd.userErrors.map((error) => error.message)).toEqual([message]);
    expect(body.data.cartLinesAdd.cart.totalQuantity).toBe(3);
  });

  it.each(['gid://shopify/Cart/someone-elses-cart', 'gid://shopify/Product/test-d3k2', 'not-a-gid'])('foreign cart id %s is refused', async (cartId) => {
    const response = await post(store, { query: ADD, variables: { cartId, lines: [{ merchandiseId: V60, quantity: 1 }] } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { cartLinesAdd: { cart: null; userErrors: Array<{ message: string }> } } };
    expect(body.data.cartLinesAdd).toEqual({ cart: null, userErrors: [{ message: 'The specified cart does not exist.', code: 'INVALID' }] });
    expect((await readCart(store, cart.id))?.totalQuantity).toBe(3);
  });

  it('answers CORS preflight so a storefront on another origin can call it', async () => {
    const response = await store.handleRequest(new Request(ENDPOINT, { method: 'OPTIONS' }));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-shopify-storefront-access-token');
  });
});
