/**
 * One build, two `next start` instances, one Redis, nginx in front: the scale-out the README's
 * "Scaling out" describes. The instances run from the suite's build (made with the key and the
 * deployment id of tests/support/build-env.ts) and share one local store, as instances on one machine
 * do. Requests go to an instance directly when the test is about which one answers, through nginx
 * when it is about the shop staying up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import { getContent, toCatalog } from '@/lib/content';
import { createLocalStore } from '@/lib/storefront/local';
import { E2E_BUILD_ENV } from '../support/build-env';
import { findNginx, startNginx, testPort, type RunningNginx } from '../support/nginx';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { actionFormFields } from './support/action-form';
import { waitForCartLoad } from './support/cart-load';

const PDP = '/products/vitamin-d3-k2';
const SECRET = 'e2e-revalidate-secret';

test.skip(
  !findNginx(),
  'nginx is not installed: `node tests/setup/ensure-browser.mjs` installs it.',
);
test.skip(
  !fs.existsSync('/usr/bin/redis-server'),
  'redis-server is not installed: `node tests/setup/ensure-browser.mjs` installs it.',
);
test.describe.configure({ mode: 'serial' });

interface Instance {
  url: string;
  process: ChildProcess;
  output: () => string;
}

let redis: RedisServer;
let dataDir: string;
let a: Instance;
let b: Instance;
let nginx: RunningNginx;

async function startInstance(port: number, redisUrl: string, siteUrl: string): Promise<Instance> {
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        ...E2E_BUILD_ENV,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        REDIS_URL: redisUrl,
        LOCAL_STORE_DATA_DIR: dataDir,
        SITE_URL: siteUrl,
        REVALIDATE_SECRET: SECRET,
        LOCAL_CHECKOUT: 'enabled',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const instance = { url: `http://127.0.0.1:${port}`, process: child, output: () => output };
  await expect
    .poll(async () => (await health(instance).catch(() => null))?.body.redis, {
      timeout: 60_000,
      message: `instance on ${port} did not become ready:\n${output}`,
    })
    .toBe('connected');
  return instance;
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.process.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once('exit', resolve));
  instance.process.kill('SIGTERM');
  await exited;
}

async function health(instance: Instance) {
  const response = await fetch(`${instance.url}/api/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The buy box's availability line, as the server sent it. */
async function availability(base: string, pagePath: string): Promise<string | undefined> {
  const html = await (await fetch(base + pagePath)).text();
  return /data-testid="availability"[^>]*>([^<]*)</.exec(html)?.[1];
}

/**
 * The buy box's form posted as a browser without JavaScript does, from an address nginx would have
 * put in X-Real-IP. Says whether a cart was made, and what the cart page then told the shopper.
 */
async function addToCart(form: Record<string, string>, instance: Instance, address: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...form, quantity: '1' })) body.append(name, value);
  const response = await fetch(instance.url + PDP, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { Origin: instance.url, 'X-Real-IP': address },
  });
  expect(response.status).toBe(303);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  const next = await fetch(new URL(response.headers.get('location')!, instance.url), {
    headers: { Cookie: cookies.join('; ') },
  });
  return {
    created: cookies.some((cookie) => cookie.startsWith('cart=')),
    page: await next.text(),
  };
}

const buyBoxForm = async (instance: Instance) =>
  actionFormFields(await (await fetch(instance.url + PDP)).text());

let lastAddress = 0;
/** A documentation address (RFC 5737) of its own, so each test's limit counts from zero. */
const freshAddress = () => `203.0.113.${++lastAddress}`;

/** Units of a variant sold through the store itself, as an order placed elsewhere would be. */
async function sell(sku: string, quantity: number): Promise<void> {
  const store = createLocalStore({
    catalog: toCatalog(getContent()),
    dataDir,
    siteUrl: a.url,
  });
  try {
    const product = await store.execute({
      query: `{ product(handle: "vitamin-d3-k2") { variants(first: 10) { nodes { id sku } } } }`,
    });
    const variants = (
      product.data as { product: { variants: { nodes: Array<{ id: string; sku: string }> } } }
    ).product.variants.nodes;
    const merchandiseId = variants.find((variant) => variant.sku === sku)!.id;
    for (let left = quantity; left > 0; left -= 99) {
      const created = await store.execute({
        query: `mutation ($input: CartInput) { cartCreate(input: $input) { cart { id } } }`,
        variables: { input: { lines: [{ merchandiseId, quantity: Math.min(99, left) }] } },
      });
      const cartId = (created.data as { cartCreate: { cart: { id: string } } }).cartCreate.cart.id;
      expect(store.placeOrder(cartId)).toMatchObject({ ok: true });
    }
  } finally {
    store.close();
  }
}

const isServerAction = (response: Response) =>
  response.request().method() === 'POST' && 'next-action' in response.request().headers();

function cartDrawer(page: Page) {
  return page.getByRole('dialog', { name: 'Your cart' });
}

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(180_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-out-store-'));
  redis = await startRedisServer(await testPort());
  const siteUrl = testInfo.project.use.baseURL ?? 'http://127.0.0.1:3100';
  [a, b] = [
    await startInstance(await testPort(), redis.url, siteUrl),
    await startInstance(await testPort(), redis.url, siteUrl),
  ];
  nginx = await startNginx({ upstreams: [new URL(a.url).port, new URL(b.url).port].map(Number) });
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await redis?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a page rendered by A posts its add-to-cart action to B, and the cart works on both', async ({
  page,
}) => {
  // Every Server Action call of A's page goes to B instead, as nginx may send it: to the same origin.
  const answeredByB: number[] = [];
  await page.route(`${a.url}/**`, async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || !request.headers()['next-action']) return route.continue();
    const headers = Object.fromEntries(
      Object.entries(request.headers()).filter(([name]) => name !== 'host'),
    );
    const response = await route.fetch({
      url: request.url().replace(a.url, b.url),
      headers: { ...headers, origin: b.url },
    });
    answeredByB.push(response.status());
    await route.fulfill({ response });
  });
  const cartLoaded = waitForCartLoad(page);
  await page.goto(a.url + PDP);
  await cartLoaded;

  // The drawer shows the line at once (optimistically); what counts is B's answer.
  const added = page.waitForResponse(isServerAction);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  expect((await added).status()).toBe(200);
  await expect(cartDrawer(page)).toBeVisible();
  const line = cartDrawer(page).getByTestId('cart-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('60 softgels');
  await expect(page.getByRole('status').filter({ hasText: 'Added to cart' })).toHaveCount(1);
  await expect(cartDrawer(page).getByTestId('cart-subtotal')).toHaveText('$19.00');
  expect(answeredByB).toEqual([200]);

  // The cart B made is the shopper's on A too, and through nginx (one store, one cookie).
  await page.unroute(`${a.url}/**`);
  for (const base of [a.url, b.url, nginx.url]) {
    await page.goto(`${base}/cart`);
    await expect(page.getByTestId('cart-line')).toContainText('60 softgels');
  }
});

test("the store webhook sent to A makes B's very next answer the new stock", async () => {
  const page120 = `${PDP}?size=120`;
  const inStock = 'In stock';
  expect(await availability(a.url, page120)).toBe(inStock);
  expect(await availability(b.url, page120)).toBe(inStock);

  await sell('D3K2-120', 115);
  // Both serve the page they have, as static pages do until told.
  expect(await availability(b.url, page120)).toBe(inStock);

  const webhook = await fetch(`${a.url}/api/revalidate`, {
    method: 'POST',
    headers: { 'x-revalidate-secret': SECRET, 'Content-Type': 'application/json' },
    body: JSON.stringify({ handle: 'vitamin-d3-k2' }),
  });
  expect(webhook.status).toBe(200);
  // B learns of the revalidation through Redis at once: its very first answer is the new page. How
  // long that answer takes is one render of the page, on this machine's load.
  const sent = performance.now();
  expect(await availability(b.url, page120)).toBe('Only 5 left in stock');
  const elapsed = Math.round(performance.now() - sent);
  test
    .info()
    .annotations.push({ type: 'B served the new stock after', description: `${elapsed} ms` });
  expect(await availability(a.url, page120)).toBe('Only 5 left in stock');
});

test('the cart-creation limit (20 a minute per address) holds across both instances', async () => {
  const form = await buyBoxForm(a);
  const address = freshAddress();
  for (let attempt = 0; attempt < 20; attempt++) {
    const { created } = await addToCart(form, attempt % 2 === 0 ? a : b, address);
    expect(created, `attempt ${attempt + 1}`).toBe(true);
  }
  for (const instance of [a, b]) {
    const refused = await addToCart(form, instance, address);
    expect(refused.created).toBe(false);
    expect(refused.page).toContain('Too many new carts from your connection.');
  }
});

test('Redis stopped: pages keep being served, limits fall back to each instance, health says so', async () => {
  const form = await buyBoxForm(a);
  await redis.stop();
  for (const instance of [a, b])
    await expect
      .poll(async () => (await health(instance)).body, { timeout: 5_000 })
      .toMatchObject({ status: 'degraded', redis: 'unavailable' });
  expect((await health(a)).status).toBe(200);

  // Through nginx: pages nobody asked for (so past its microcache, rendered by an instance), and the
  // health check, which nginx logs with the instance that answered.
  const marker = Date.now();
  const pages: number[] = [];
  for (let index = 0; index < 10; index++)
    pages.push((await fetch(`${nginx.url}${PDP}?outage=${marker}-${index}`)).status);
  expect(pages).toEqual(Array(10).fill(200));
  for (let index = 0; index < 6; index++) {
    const checked = await fetch(`${nginx.url}/api/health?outage=${marker}-${index}`);
    expect(checked.status).toBe(200);
    expect(await checked.json()).toMatchObject({ status: 'degraded', redis: 'unavailable' });
  }
  await expect
    .poll(
      () =>
        new Set(
          fs
            .readFileSync(nginx.accessLog, 'utf8')
            .split('\n')
            .filter((line) => line.includes(`/api/health?outage=${marker}`))
            .map((line) => (JSON.parse(line) as { upstream: string }).upstream),
        ),
    )
    .toEqual(new Set([new URL(a.url).host, new URL(b.url).host]));

  // Each instance counts in its own memory meanwhile: the limit holds per instance.
  const address = freshAddress();
  const started = performance.now();
  for (let attempt = 0; attempt < 20; attempt++)
    expect((await addToCart(form, a, address)).created, `attempt ${attempt + 1}`).toBe(true);
  expect((await addToCart(form, a, address)).created).toBe(false);
  expect((await addToCart(form, b, address)).created).toBe(true);
  test.info().annotations.push({
    type: '22 cart posts without Redis took',
    description: `${Math.round(performance.now() - started)} ms`,
  });

  await redis.start();
  for (const instance of [a, b])
    await expect
      .poll(async () => (await health(instance)).body, { timeout: 10_000 })
      .toEqual({ status: 'ready', redis: 'connected' });
});
