import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalog, freshStore } from '../local-store/fixture';
import type { AddressInfo } from 'node:net';

vi.mock('server-only', () => ({}));

/**
 * The Shopify code path (PUBLIC_STORE_DOMAIN set) against real HTTP servers on loopback: one that
 * answers like the Storefront API, one that is too slow, and a port where nothing listens.
 */
const { store } = freshStore();
const seenHeaders: http.IncomingHttpHeaders[] = [];
let shopify: http.Server;
let slow: http.Server;

async function listen(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const origin = (server: http.Server) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  // The stand-in builds the Storefront schema on its first request; done here, the 500 ms timeout
  // below measures answering, as it would against Shopify, and not that start on a busy machine.
  await store.execute({ query: '{ __typename }' });
  shopify = await listen(async (request, response) => {
    seenHeaders.push(request.headers);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    // Stands in for Shopify: the same documents executed against the Storefront schema.
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(await store.execute({ query, variables })));
  });
  slow = await listen(() => {
    // never answers
  });
});

afterAll(() => {
  shopify.close();
  slow.closeAllConnections();
  slow.close();
  store.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

function useStore(domain: string) {
  vi.stubEnv('PUBLIC_STORE_DOMAIN', domain);
  vi.stubEnv('PUBLIC_STOREFRONT_API_TOKEN', 'public-token-123');
  vi.stubEnv('STOREFRONT_TIMEOUT_MS', '500');
}

describe('the storefront client in Shopify mode', () => {
  it('sends the same documents over HTTP with Shopify headers, and reads product and cart', async () => {
    useStore(origin(shopify));
    const { getProductOffer, cartLinesAddOrCreate, getCart } = await import('@/lib/storefront');
    const offer = await getProductOffer('test-d3k2');
    expect(offer.ok && offer.product.variants.nodes.map((variant) => variant.price.amount)).toEqual(
      ['19.0', '32.0'],
    );
    expect(seenHeaders.at(-1)?.['x-shopify-storefront-access-token']).toBe('public-token-123');

    const change = await cartLinesAddOrCreate(undefined, [
      { merchandiseId: 'gid://shopify/ProductVariant/T-60', quantity: 2 },
    ]);
    expect(change.userErrors).toEqual([]);
    expect((await getCart(change.cart!.id))?.totalQuantity).toBe(2);
    expect(catalog.products).toHaveLength(2);
  });

  it('subscribe & save over HTTP: add on a plan, switch plans, back to one-time, and the cart view names the plan', async () => {
    useStore(origin(shopify));
    const {
      getProductOffer,
      cartLinesAddOrCreate,
      cartLinesUpdate,
      subscriptionOptions,
      toCartView,
    } = await import('@/lib/storefront');
    const offer = await getProductOffer('test-d3k2');
    if (!offer.ok) throw new Error(offer.message);
    const [thirty, sixty] = subscriptionOptions(offer.product, offer.product.variants.nodes[0]!);
    const added = await cartLinesAddOrCreate(undefined, [
      {
        merchandiseId: 'gid://shopify/ProductVariant/T-60',
        quantity: 2,
        sellingPlanId: thirty!.id,
      },
    ]);
    expect(added.userErrors).toEqual([]);
    let change = added;
    const line = () => toCartView(change.cart!).lines[0]!;
    expect([line().sellingPlan, line().unitPrice.amount]).toEqual([
      { id: thirty!.id, name: 'Delivers every 30 days, 10% off' },
      '17.1',
    ]);
    change = await cartLinesUpdate(added.cart!.id, [{ id: line().id, sellingPlanId: sixty!.id }]);
    expect([line().sellingPlan?.name, line().unitPrice.amount]).toEqual([
      'Every two months, 15% off',
      '16.15',
    ]);
    change = await cartLinesUpdate(added.cart!.id, [{ id: line().id, sellingPlanId: null }]);
    expect([line().sellingPlan, line().unitPrice.amount]).toEqual([null, '19.0']);
  });

  it('with the private token, server calls use it and forward the buyer IP, as Shopify asks', async () => {
    useStore(origin(shopify));
    vi.stubEnv('PRIVATE_STOREFRONT_API_TOKEN', 'shpat_private_456');
    const { cartLinesAddOrCreate } = await import('@/lib/storefront');
    const change = await cartLinesAddOrCreate(
      undefined,
      [{ merchandiseId: 'gid://shopify/ProductVariant/T-60', quantity: 1 }],
      { buyerIp: '203.0.113.7' },
    );
    expect(change.userErrors).toEqual([]);
    const headers = seenHeaders.at(-1)!;
    expect(headers['shopify-storefront-private-token']).toBe('shpat_private_456');
    expect(headers['shopify-storefront-buyer-ip']).toBe('203.0.113.7');
    expect(headers['x-shopify-storefront-access-token']).toBeUndefined();
  });

  it('a store that does not answer in time: the page gets a message instead of hanging', async () => {
    useStore(origin(slow));
    const { getProductOffer } = await import('@/lib/storefront');
    const started = Date.now();
    expect(await getProductOffer('test-d3k2')).toEqual({
      ok: false,
      storeFailed: true,
      message:
        'The store is taking too long to answer. Prices and buying are unavailable for the moment.',
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a dead port: unreachable, in words', async () => {
    useStore('http://127.0.0.1:9');
    const { getProductOffer, getCart, StorefrontError } = await import('@/lib/storefront');
    expect(await getProductOffer('test-d3k2')).toEqual({
      ok: false,
      storeFailed: true,
      message:
        'The store cannot be reached right now. Prices and buying are unavailable for the moment.',
    });
    await expect(getCart('gid://shopify/Cart/x')).rejects.toBeInstanceOf(StorefrontError);
  });

  it('GraphQL errors from the store become a message, not a crash', async () => {
    const throttled = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'Throttled' }] }));
    });
    useStore(origin(throttled));
    const { getProductOffer } = await import('@/lib/storefront');
    expect(await getProductOffer('test-d3k2')).toEqual({
      ok: false,
      storeFailed: true,
      message:
        'The store could not answer this request. Prices and buying are unavailable for the moment.',
    });
    throttled.close();
  });

  it('a product the store does not sell', async () => {
    useStore(origin(shopify));
    const { getProductOffer } = await import('@/lib/storefront');
    expect(await getProductOffer('no-such-product')).toEqual({
      ok: false,
      storeFailed: false,
      message: 'This product is not for sale in the store right now.',
    });
  });
});
