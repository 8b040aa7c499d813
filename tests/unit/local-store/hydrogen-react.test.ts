import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshStore, post, V120, V60 } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

type DocumentBuilder = (fragment: string, options?: { includeVisitorConsent?: boolean }) => string;

/** The documents CartProvider really sends, read from the installed package rather than retyped. */
async function cartQueries(): Promise<Record<string, DocumentBuilder> & { defaultCartFragment: string }> {
  const entry = createRequire(import.meta.url).resolve('@shopify/hydrogen-react');
  const file = path.join(path.dirname(entry), 'cart-queries.mjs');
  return (await import(pathToFileURL(file).href)) as Record<string, DocumentBuilder> & { defaultCartFragment: string };
}

interface CartData {
  id: string;
  totalQuantity: number;
  lines: { edges: Array<{ node: { id: string; merchandise: { id: string; product: { handle: string }; image: { url: string } } } }> };
}

describe("hydrogen-react's CartProvider documents", () => {
  it.each([false, true])('every cart document resolves every field of the default fragment (visitor consent: %s)', async (includeVisitorConsent) => {
    const queries = await cartQueries();
    const build = (name: string) => queries[name]!(queries.defaultCartFragment, { includeVisitorConsent });
    const context = { numCartLines: 250, country: 'US', language: 'EN', ...(includeVisitorConsent ? { visitorConsent: { analytics: true } } : {}) };
    const execute = async (name: string, variables: Record<string, unknown>) => {
      const result = await store.execute({ query: build(name), variables: { ...context, ...variables } });
      expect({ name, errors: result.errors?.map((error) => error.message) }).toEqual({ name, errors: undefined });
      return JSON.parse(JSON.stringify(result.data)) as Record<string, { cart: CartData }>;
    };

    const created = await execute('CartCreate', { input: { lines: [{ merchandiseId: V60, quantity: 1 }], buyerIdentity: { countryCode: 'US' } } });
    const cart = created.cartCreate!.cart;
    expect(cart.lines.edges[0]!.node.merchandise).toMatchObject({ id: V60, product: { handle: 'test-d3k2' }, image: { url: 'http://shop.test/images/test.svg' } });
    const cartId = cart.id;
    const lineId = cart.lines.edges[0]!.node.id;
    const query = await execute('CartQuery', { id: cartId });
    expect((query as unknown as { cart: CartData }).cart.id).toBe(cartId);
    await execute('CartLineAdd', { cartId, lines: [{ merchandiseId: V120, quantity: 1 }] });
    await execute('CartLineUpdate', { cartId, lines: [{ id: lineId, quantity: 2 }] });
    await execute('CartNoteUpdate', { cartId, note: 'hello' });
    await execute('CartBuyerIdentityUpdate', { cartId, buyerIdentity: { countryCode: 'CA' } });
    await execute('CartAttributesUpdate', { cartId, attributes: [{ key: 'a', value: 'b' }] });
    await execute('CartDiscountCodesUpdate', { cartId, discountCodes: ['WELCOME10'] });
    const removed = await execute('CartLineRemove', { cartId, lines: [lineId] });
    expect(removed.cartLinesRemove!.cart.totalQuantity).toBe(1);
  });

  it('works over HTTP with the headers the browser sends', async () => {
    const queries = await cartQueries();
    const response = await post(
      store,
      { query: queries.CartCreate!(queries.defaultCartFragment), variables: { input: { lines: [{ merchandiseId: V60, quantity: 2 }] }, country: 'US', language: 'EN' } },
      'application/json',
      { 'x-shopify-storefront-access-token': 'anything', 'x-sdk-variant': 'hydrogen-react', 'x-sdk-variant-source': 'react', 'x-sdk-version': '2026-04' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as { data: { cartCreate: { cart: CartData } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.cartCreate.cart.totalQuantity).toBe(2);
  });
});
