import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCart, dbSnapshot, ENDPOINT, freshStore, post, readCart, V60, type CartShape } from './fixture';

const { store, dataDir } = freshStore();
afterAll(() => store.close());

const ADD = `mutation Add($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { totalQuantity } userErrors { field message code } } }`;
const add = (cartId: string, quantity: unknown) => ({ query: ADD, variables: { cartId, lines: [{ merchandiseId: V60, quantity }] } });

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
  { name: 'malformed JSON', request: () => post(store, '{"query": "mutation {'), status: 400, message: /^The request body is not valid JSON\.$/ },
  { name: 'a JSON array (batching)', request: () => post(store, [add(cart.id, 1)]), status: 400, message: /must be a JSON object with a "query" string/ },
  { name: 'wrong content type', request: () => post(store, JSON.stringify(add(cart.id, 1)), 'text/plain'), status: 415, message: /Content-Type: application\/json" \(got "text\/plain"\)/ },
  { name: 'form content type', request: () => post(store, 'query=x', 'application/x-www-form-urlencoded'), status: 415, message: /Content-Type: application\/json/ },
  { name: 'GET', request: () => store.handleRequest(new Request(`${ENDPOINT}?query={shop{name}}`)), status: 405, message: /^Use POST to send GraphQL operations to the local store \(got GET\)\.$/ },
  { name: 'PUT', request: () => store.handleRequest(new Request(ENDPOINT, { method: 'PUT', body: '{}' })), status: 405, message: /got PUT/ },
  { name: 'missing query', request: () => post(store, { variables: {} }), status: 400, message: /needs a "query" string/ },
  { name: 'a query that is not a string', request: () => post(store, { query: 42 }), status: 400, message: /needs a "query" string/ },
  { name: 'variables that are not an object', request: () => post(store, { query: ADD, variables: [1] }), status: 400, message: /^"variables" must be a JSON object\.$/ },
  { name: 'an operationName that is not a string', request: () => post(store, { query: ADD, operationName: 7 }), status: 400, message: /^"operationName" must be a string\.$/ },
  { name: 'GraphQL syntax error', request: () => post(store, { query: 'mutation { cartLinesAdd(' }), status: 400, message: /^Syntax Error: Expected Name, found <EOF>\.$/ },
  { name: 'a field Shopify does not have', request: () => post(store, { query: '{ cart(id: "x") { notAField } }' }), status: 400, message: /^Cannot query field "notAField" on type "Cart"\./ },
  { name: 'unknown operation name', request: () => post(store, { ...add(cart.id, 1), operationName: 'Nope' }), status: 400, message: /^Unknown operation named "Nope"\.$/ },
  { name: 'missing variables', request: () => post(store, { query: ADD }), status: 400, message: /^Variable "\$cartId" of required type "ID!" was not provided\.$/ },
  { name: 'a quantity over 32 bits (2147483648)', request: () => post(store, add(cart.id, 2147483648)), status: 400, message: /Int cannot represent non 32-bit signed integer value: 2147483648/ },
  { name: 'a string where a quantity goes', request: () => post(store, add(cart.id, 'two')), status: 400, message: /Int cannot represent non-integer value: "two"/ },
  { name: 'a body over 100 kB', request: () => post(store, { query: `# ${'x'.repeat(120_000)}\n{ shop { name } }` }), status: 413, message: /larger than the local store accepts \(100,000 bytes\)/ },
];

interface Refusal {
  name: string;
  cartId: () => string;
  quantity: number;
  userErrors: Array<{ field: string[]; message: string; code: string }>;
}

const refusals: Refusal[] = [
  { name: 'a negative quantity', cartId: () => cart.id, quantity: -5, userErrors: [{ field: ['lines', '0', 'quantity'], message: 'The quantity must be at least 1.', code: 'INVALID' }] },
  { name: 'quantity 100000', cartId: () => cart.id, quantity: 100_000, userErrors: [{ field: ['lines', '0', 'quantity'], message: 'The quantity cannot be more than 999.', code: 'MAXIMUM_EXCEEDED' }] },
  ...['gid://shopify/Cart/someone-elses-cart', 'gid://shopify/Product/test-d3k2', 'not-a-gid', 'gid://shopify/Cart/../../etc', ''].map((cartId) => ({
    name: `foreign or malformed cart id ${JSON.stringify(cartId)}`,
    cartId: () => cartId,
    quantity: 1,
    userErrors: [{ field: ['cartId'], message: 'The specified cart does not exist.', code: 'INVALID' }],
  })),
];

describe('bad input to the local endpoint: the right status, a clear error, and the database unchanged', () => {
  it.each(badInputs)('$name → $status', async ({ request, status, message }) => {
    const before = dbSnapshot(dataDir);
    const response = await request();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as { data?: unknown; errors: Array<{ message: string }> };
    expect(body.data).toBeUndefined();
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0]!.message).toMatch(message);
    if (status === 405) expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    expect(dbSnapshot(dataDir)).toBe(before);
  });

  it.each(refusals)('$name → 200 with userErrors', async ({ cartId, quantity, userErrors }) => {
    const before = dbSnapshot(dataDir);
    const response = await post(store, add(cartId(), quantity));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { cartLinesAdd: { cart: { totalQuantity: number } | null; userErrors: unknown[] } } };
    expect(body.data.cartLinesAdd.userErrors).toEqual(userErrors);
    expect(body.data.cartLinesAdd.cart).toEqual(userErrors[0]!.field[0] === 'cartId' ? null : { totalQuantity: 3 });
    expect(dbSnapshot(dataDir)).toBe(before);
  });

  it('a good request changes the database (so the checks above can see a change)', async () => {
    const before = dbSnapshot(dataDir);
    const response = await post(store, add(cart.id, 1), 'application/json; charset=utf-8');
    expect(response.status).toBe(200);
    expect(dbSnapshot(dataDir)).not.toBe(before);
    expect((await readCart(store, cart.id))?.totalQuantity).toBe(4);
  });

  it('accepts application/graphql+json too', async () => {
    const response = await post(store, { query: '{ product(handle: "test-d3") { title } }' }, 'application/graphql+json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { product: { title: 'Test D3' } } });
  });

  it('answers an unimplemented field with HTTP 200 and the error, as an execution error', async () => {
    const response = await post(store, { query: '{ shop { name } }' });
    expect(response.status).toBe(200);
    // QueryRoot.shop is non-null, so its error nulls the whole of data, as on any GraphQL server.
    expect(await response.json()).toMatchObject({ errors: [{ message: 'The local store does not implement QueryRoot.shop.', path: ['shop'] }], data: null });
  });

  it('answers CORS preflight so a storefront on another origin can call it', async () => {
    const response = await store.handleRequest(new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.test', 'access-control-request-method': 'POST' } }));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    for (const header of ['content-type', 'x-shopify-storefront-access-token', 'x-sdk-variant', 'x-sdk-variant-source', 'x-sdk-version']) {
      expect(response.headers.get('access-control-allow-headers')).toContain(header);
    }
  });
});
