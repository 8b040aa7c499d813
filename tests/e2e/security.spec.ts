import { expect, test } from '@playwright/test';
import { actionFormFields } from './support/action-form';

/** Every kind of route the site serves: static pages, dynamic pages, a route handler, metadata files. */
const ROUTES = [
  '/',
  '/products/vitamin-d3-k2',
  '/products/vitamin-d3-k2?size=120',
  '/cart',
  '/checkout',
  '/robots.txt',
  '/sitemap.xml',
  '/images/vitamin-d3-k2.svg',
  '/no-such-page',
];

test('every route sends the security headers', async ({ request }) => {
  for (const route of ROUTES) {
    const headers = (await request.get(route)).headers();
    expect(headers['content-security-policy'], route).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], route).toContain("object-src 'none'");
    expect(headers['content-security-policy'], route).not.toContain('unsafe-inline');
    expect(headers['strict-transport-security'], route).toMatch(/max-age=\d{7,}/);
    expect(headers['x-content-type-options'], route).toBe('nosniff');
    expect(headers['x-frame-options'], route).toBe('DENY');
  }
});

test('malformed input gets a clear 4xx, never a 500', async ({ request }) => {
  const answers: Array<[string, number]> = [];
  for (const path of [
    '/orders/%E0%A4%A',
    '/products/%E0%A4%A',
    '/images/%E0%A4%A',
    '/products/vitamin-d3-k2/size/%E0%A4%A',
    '/orders/not-an-order',
  ]) {
    answers.push([path, (await request.get(path)).status()]);
  }
  for (const origin of [
    'foo',
    'http://127.0.0.1:3100.evil.example',
    'null',
    'https://evil.example',
  ]) {
    answers.push([
      `POST with Origin: ${origin}`,
      (
        await request.post('/cart', { headers: { Origin: origin }, form: { lineId: 'x' } })
      ).status(),
    ]);
  }
  const big = 'x'.repeat(150_000);
  for (const path of ['/cart', '/products/vitamin-d3-k2', '/api/revalidate']) {
    answers.push([
      `150 KB body to ${path}`,
      (
        await request.post(path, { headers: { 'Content-Type': 'application/json' }, data: big })
      ).status(),
    ]);
  }
  expect(answers.filter(([, status]) => status >= 500)).toEqual([]);
  expect(Object.fromEntries(answers)).toMatchObject({
    '/orders/%E0%A4%A': 400,
    '/products/%E0%A4%A': 400,
    '/orders/not-an-order': 404,
    'POST with Origin: foo': 400,
    'POST with Origin: null': 403,
    'POST with Origin: https://evil.example': 403,
    '150 KB body to /cart': 413,
    '150 KB body to /products/vitamin-d3-k2': 413,
    '150 KB body to /api/revalidate': 413,
  });
});

test('one address cannot start carts without end: the 21st in a minute is refused in words', async ({
  playwright,
  baseURL,
}) => {
  const html = await (
    await (await playwright.request.newContext({ baseURL })).get('/products/vitamin-d3-k2')
  ).text();
  const fields = actionFormFields(html);
  const outcomes: string[] = [];
  for (let attempt = 0; attempt < 21; attempt++) {
    // A fresh context has no cart cookie, so every add starts a cart. X-Real-IP is what nginx sets.
    const shopper = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { 'X-Real-IP': '198.51.100.9', Origin: baseURL! },
    });
    await shopper.post('/products/vitamin-d3-k2', { multipart: { ...fields, quantity: '1' } });
    outcomes.push(await (await shopper.get('/cart')).text());
    await shopper.dispose();
  }
  expect(outcomes.slice(0, 20).every((page) => page.includes('Added to cart.'))).toBe(true);
  expect(outcomes[20]).toMatch(
    /Too many new carts from your connection\. Please try again in \d+ seconds\./,
  );
});

test('the hostile GraphQL documents from the security review find no endpoint, and pages keep answering', async ({
  request,
}) => {
  // The nesting that crashed the process, and the aliased fragment bomb that froze it for 30 s.
  let deep = '{ id }';
  for (let level = 0; level < 500; level++)
    deep = `{ variants(first: 1) { nodes { product ${deep} } } }`;
  const nested = `query { product(handle: "vitamin-d3-k2") ${deep} }`;
  const fragments = Array.from(
    { length: 10 },
    (_, level) =>
      `fragment F${level} on Product { a: variants(first: 250) { nodes { product { ...F${level + 1} } } } b: variants(first: 250) { nodes { product { ...F${level + 1} } } } }`,
  ).join('\n');
  const bomb = `query { product(handle: "vitamin-d3-k2") { ...F0 } }\n${fragments}\nfragment F10 on Product { id }`;
  for (const query of [nested, bomb]) {
    const started = Date.now();
    const [attack, page] = await Promise.all([
      request.post('/api/2026-04/graphql.json', {
        data: { query },
        headers: { 'Content-Type': 'application/json' },
      }),
      (async () => {
        const pageStarted = Date.now();
        const answer = await request.get('/products/vitamin-d3-k2');
        return { status: answer.status(), ms: Date.now() - pageStarted };
      })(),
    ]);
    expect(attack.status()).toBe(404);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(page.status).toBe(200);
    expect(page.ms).toBeLessThan(200);
  }
});

test('wrong revalidation secrets: ten a minute per address, then 429 with Retry-After, without checking the secret', async ({
  request,
}) => {
  const from = (address: string, secret: string) =>
    request.post('/api/revalidate', {
      headers: { 'X-Real-IP': address, 'x-revalidate-secret': secret },
      data: { handle: 'vitamin-d3-k2' },
    });
  const statuses: number[] = [];
  for (let guess = 0; guess < 11; guess++)
    statuses.push((await from('198.51.100.77', `guess-${guess}`)).status());
  expect(statuses).toEqual([...Array(10).fill(401), 429]);
  const blocked = await from('198.51.100.77', 'e2e-revalidate-secret');
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
  // Another address, with the right secret, is not affected.
  expect((await from('198.51.100.78', 'e2e-revalidate-secret')).status()).toBe(200);
});
