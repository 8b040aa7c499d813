import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFront } from '@/lib/http/front';
import { Microcache } from '@/lib/http/microcache';
import { freshStore } from '../local-store/fixture';

/** A stand-in for Next: answers by path, counts what reaches it. */
const seen: Array<{ method: string; url: string; body: string }> = [];
let version = 1;
let flipShared = true;
const page = () => `<!DOCTYPE html><h1>Vitamin D3 + K2</h1><p>v${version}</p>`;
const PRERENDERED = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 's-maxage=300, stale-while-revalidate=31535700', Vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding' };

const upstream = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk));
  request.on('end', () => {
    seen.push({ method: request.method!, url: request.url!, body });
    if (request.url === '/page') {
      const etag = `"page-v${version}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag });
        return response.end();
      }
      if (/gzip/.test(request.headers['accept-encoding'] ?? '')) {
        response.writeHead(200, { ...PRERENDERED, ETag: etag, 'Content-Encoding': 'gzip' });
        return response.end(gzipSync(page()));
      }
      response.writeHead(200, { ...PRERENDERED, ETag: etag });
      return response.end(page());
    }
    if (request.url === '/flip') {
      response.writeHead(200, { 'Cache-Control': flipShared ? 's-maxage=300' : 'private, no-store' });
      return response.end(flipShared ? 'shared' : 'private now');
    }
    if (request.url === '/cart') {
      response.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate' });
      return response.end('<p>your cart</p>');
    }
    if (request.url === '/with-cookie') {
      response.writeHead(200, { 'Cache-Control': 's-maxage=300', 'Set-Cookie': 'cart=abc; Path=/' });
      return response.end('cookie page');
    }
    if (request.url === '/varies-on-cookie') {
      response.writeHead(200, { 'Cache-Control': 's-maxage=300', Vary: 'Cookie' });
      return response.end('per-shopper page');
    }
    response.writeHead(303, { Location: '/cart' });
    response.end();
  });
});

let clock = 0;
const { store } = freshStore();
let origin = '';
let front: http.Server;

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  front = createFront({
    upstream: { host: '127.0.0.1', port: (upstream.address() as AddressInfo).port },
    cache: new Microcache(1000, 500, () => clock),
    direct: { path: /^\/api\/[^/]+\/graphql\.json$/, answer: (request) => store.answerRequest(request) },
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(() => {
  front.close();
  upstream.close();
  store.close();
});

beforeEach(() => {
  seen.length = 0;
  version += 1;
  clock += 60_000; // every test starts with nothing usable in the cache
});

/** Lets the front's background refresh reach the stand-in app and come back. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

const get = (path: string, headers: Record<string, string> = {}) => fetch(origin + path, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('prerendered pages', () => {
  it('are served from memory after the first request, byte for byte, with their headers', async () => {
    const first = await get('/page');
    const second = await get('/page');
    expect(first.headers.get('x-front-cache')).toBe('MISS');
    expect(second.headers.get('x-front-cache')).toBe('HIT');
    expect(await second.text()).toBe(page());
    expect(await first.text()).toBe(page());
    expect(second.headers.get('etag')).toBe(`"page-v${version}"`);
    expect(second.headers.get('cache-control')).toBe(PRERENDERED['Cache-Control']);
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(page())));
    expect(seen).toHaveLength(1);
  });

  it('once a second old, are refreshed from the app by one request while the others get the old copy', async () => {
    await get('/page');
    const before = page();
    version += 1; // the app revalidated the page
    clock += 999;
    expect(await (await get('/page')).text()).toBe(before);

    clock += 1;
    const during = await Promise.all([get('/page'), get('/page'), get('/page')]);
    // The first to arrive gets the old copy and starts the refresh; the others get the old copy or, once
    // the refresh is back, the new one. None of them waits for the app.
    const states = during.map((response) => response.headers.get('x-front-cache'));
    expect(states).toContain('STALE');
    for (const state of states) expect(['STALE', 'HIT']).toContain(state);
    expect(await during[states.indexOf('STALE')]!.text()).toBe(before);
    await settle();
    expect(seen).toHaveLength(2); // one refresh for three requests

    const after = await get('/page', { 'if-none-match': `"page-v${version - 1}"` });
    expect(after.headers.get('x-front-cache')).toBe('HIT');
    expect(after.status).toBe(200);
    expect(await after.text()).toBe(page());
  });

  it('stop being shared once the app marks them private, instead of serving the old copy again', async () => {
    flipShared = true;
    await get('/flip');
    flipShared = false;
    clock += 1000;
    expect((await get('/flip')).headers.get('x-front-cache')).toBe('STALE');
    await settle();
    const next = await get('/flip');
    expect(next.headers.get('x-front-cache')).toBe('MISS');
    expect(await next.text()).toBe('private now');
    expect(seen).toHaveLength(3);
  });

  it('keep gzip and plain bodies apart', async () => {
    await get('/page', { 'accept-encoding': 'gzip' });
    const plain = await get('/page');
    const zipped = await get('/page', { 'accept-encoding': 'gzip, br' });
    expect(plain.headers.get('x-front-cache')).toBe('MISS');
    expect(await plain.text()).toBe(page());
    expect(zipped.headers.get('x-front-cache')).toBe('HIT');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toBe(page()); // fetch decompresses
  });

  it('answer a matching If-None-Match with 304', async () => {
    await get('/page');
    const revalidation = await get('/page', { 'if-none-match': `"page-v${version}"` });
    expect(revalidation.status).toBe(304);
    expect(await revalidation.text()).toBe('');
  });

  it('never serve client-router (RSC) or server-action requests from the cache', async () => {
    await get('/page');
    await get('/page', { rsc: '1' });
    await get('/page', { 'next-router-prefetch': '1' });
    await get('/page', { 'next-action': 'abc' });
    expect(seen).toHaveLength(4);
  });
});

describe('responses that must not be shared', () => {
  it.each([
    ['private, no-store', '/cart'],
    ['a Set-Cookie header', '/with-cookie'],
    ['a Vary on a header the cache does not key on', '/varies-on-cookie'],
  ])('with %s go to the app every time', async (_what, path) => {
    await get(path);
    const second = await get(path);
    expect(second.headers.get('x-front-cache')).toBe('MISS');
    expect(second.status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('form posts pass through with their body, and the redirect comes back untouched', async () => {
    const response = await fetch(`${origin}/cart/add`, {
      method: 'POST',
      body: new URLSearchParams({ merchandiseId: 'gid://shopify/ProductVariant/T-60', quantity: '2' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/cart');
    expect(seen).toEqual([{ method: 'POST', url: '/cart/add', body: 'merchandiseId=gid%3A%2F%2Fshopify%2FProductVariant%2FT-60&quantity=2' }]);
  });
});

describe('the local Storefront API, answered without the app', () => {
  const endpoint = () => `${origin}/api/2026-04/graphql.json`;

  it('runs operations against the local store, with the security headers', async () => {
    const response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { cartCreate(input: { lines: [{ merchandiseId: "gid://shopify/ProductVariant/T-60", quantity: 2 }] }) { cart { totalQuantity } userErrors { message } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ data: { cartCreate: { cart: { totalQuantity: 2 }, userErrors: [] } } });
    expect(seen).toHaveLength(0);
  });

  it('answers preflights and refuses bodies over the limit, whatever Content-Length says', async () => {
    const preflight = await fetch(endpoint(), { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);

    const huge = await fetch(endpoint(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"query":"${'a'.repeat(200_000)}"}` });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ errors: [{ message: 'The request body is larger than the local store accepts (100,000 bytes).' }] });
  });

  it('refuses a streamed (chunked) body once it passes the limit, and the client still reads why', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(endpoint(), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
      for (let chunk = 0; chunk < 30; chunk++) request.write('a'.repeat(10_000));
      request.end();
    });
    expect(status).toBe(413);
    expect(body).toMatch(/larger than the local store accepts/);
  });

  it('says what is wrong with a request in the wrong format', async () => {
    const response = await fetch(endpoint(), { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0].message).toMatch(/Content-Type: application\/json/);
  });
});

describe('when the app does not answer', () => {
  it('the shopper gets a plain 502 asking to try again', async () => {
    const dead = createFront({ upstream: { host: '127.0.0.1', port: 1 }, cache: new Microcache(1000), direct: null });
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(dead.address() as AddressInfo).port}/page`);
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/try again/);
    } finally {
      dead.close();
    }
  });
});
