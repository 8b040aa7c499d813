import { randomUUID } from 'node:crypto';
import { IncrementalCache } from 'next/dist/server/lib/incremental-cache';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cacheHandlerClass } from '@/lib/redis/cache-handler.mjs';
import { REDIS_DEADLINE_MS, RedisConnection } from '@/lib/redis/client.mjs';
import { MAX_ENTRY_AGE_MS, SharedCache } from '@/lib/redis/shared-cache.mjs';
import { until } from './until';
import { startRedisServer, type RedisServer } from '../../support/redis-server';
import type { PrerenderManifest } from 'next/dist/build';
import type { ResponseCacheOwner } from 'next/dist/server/lib/route-cache-key';
import type { IncrementalCacheValue } from 'next/dist/server/response-cache';

/**
 * Two "instances" in one test process: each has its own Redis connection, its own SharedCache (and
 * so its own memory) and its own Next IncrementalCache, as two `next start` processes would, so the
 * tests go through Next's real reading of what the handler answers (fresh, stale, or gone).
 */
interface Instance {
  redis: RedisConnection;
  cache: SharedCache;
  next: () => IncrementalCache;
}

let server: RedisServer;
const opened: RedisConnection[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});

afterEach(async () => {
  server.resume();
  if (!(await isUp())) await server.start();
});

afterAll(async () => {
  await Promise.all(opened.map((redis) => redis.close()));
  await server.close();
});

async function isUp(): Promise<boolean> {
  const probe = new RedisConnection(server.url);
  opened.push(probe);
  try {
    await until(() => probe.ready, 1_000);
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

const manifest = {
  version: 4,
  routes: {},
  dynamicRoutes: {},
  notFoundRoutes: [],
  preview: {
    previewModeId: 'test',
    previewModeSigningKey: 'test',
    previewModeEncryptionKey: 'test',
  },
} as unknown as PrerenderManifest;

async function instance(namespace: string): Promise<Instance> {
  const redis = new RedisConnection(server.url);
  opened.push(redis);
  await until(() => redis.ready);
  const cache = new SharedCache({ redis, namespace, memoryBytes: 1024 * 1024 });
  const Handler = cacheHandlerClass(() => cache);
  return {
    redis,
    cache,
    next: () =>
      new IncrementalCache({
        dev: false,
        requestHeaders: {},
        previewProps: manifest.preview,
        prerenderManifest: manifest,
        CurCacheHandler: Handler,
      }),
  };
}

async function twoInstances(): Promise<[Instance, Instance]> {
  const namespace = `test-${randomUUID()}`;
  return [await instance(namespace), await instance(namespace)];
}

const route = { kind: 'APP_PAGE', sourceRoute: '/products/[handle]/page' } as ResponseCacheOwner;
const hourly = { revalidate: 3600, expire: 31_536_000 };

function productPage(html: string, handle: string) {
  const tags = [
    '_N_T_/layout',
    '_N_T_/products/[handle]/page',
    `_N_T_/products/${handle}`,
    `product:${handle}`,
  ];
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc of ${html}`),
    headers: { 'x-next-cache-tags': tags.join(',') },
    postponed: undefined,
    status: 200,
    segmentData: new Map([['/_tree', Buffer.from([0, 1, 2, 255])]]),
  } as unknown as IncrementalCacheValue;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes a page; returns a millisecond later, so what follows is strictly newer than the entry. */
async function putPage(on: Instance, path: string, html: string) {
  const handle = path.split('/').pop()!;
  await on.next().set(path, productPage(html, handle) as never, {
    route,
    cacheControl: hourly,
    isFallback: false,
  });
  await sleep(2);
}

async function readPage(on: Instance, path: string) {
  const entry = await on.next().get(path, { kind: 'APP_PAGE' as never, isFallback: false, route });
  if (!entry) return null;
  const value = entry.value as { html: string; rscData: Buffer; segmentData: Map<string, Buffer> };
  return { html: value.html, isStale: entry.isStale, value };
}

function fetchData(body: string) {
  return {
    kind: 'FETCH',
    data: { headers: {}, body, status: 200, url: 'https://shop.example/api/graphql' },
    revalidate: 3600,
  } as never;
}

const fetchContext = (handle: string) => ({
  kind: 'FETCH' as never,
  revalidate: 3600,
  tags: [`product:${handle}`],
  softTags: ['_N_T_/layout', `_N_T_/products/${handle}`],
});

describe('the shared cache, across two instances', () => {
  it('serves a page rendered by one instance from the other, with its bytes and segments intact', async () => {
    const [a, b] = await twoInstances();
    await putPage(a, '/products/d3', '<p>$25</p>');
    const page = await readPage(b, '/products/d3');
    expect(page?.html).toBe('<p>$25</p>');
    expect(page?.isStale).toBeUndefined();
    expect(page?.value.rscData.toString()).toBe('rsc of <p>$25</p>');
    expect([...page!.value.segmentData.entries()]).toEqual([
      ['/_tree', Buffer.from([0, 1, 2, 255])],
    ]);
  });

  it('stores every entry with a TTL: at most a day, at most the page’s own expiry', async () => {
    const [a] = await twoInstances();
    await putPage(a, '/products/d3', 'page');
    await a.next().set('/products/short', productPage('short', 'short') as never, {
      route,
      cacheControl: { revalidate: 30, expire: 60 },
      isFallback: false,
    });
    const keys = await a.redis.client.keys('next-cache:entry:*');
    const ttls = await Promise.all(keys.map((key) => a.redis.client.pTTL(key)));
    expect(ttls.length).toBeGreaterThanOrEqual(2);
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(MAX_ENTRY_AGE_MS);
    }
    expect(Math.min(...ttls)).toBeLessThanOrEqual(60_000);
  });

  it('a path revalidated on one instance is rendered again on every instance', async () => {
    const [a, b] = await twoInstances();
    await putPage(a, '/products/d3', 'old price');
    expect((await readPage(b, '/products/d3'))?.html).toBe('old price');

    // What revalidatePath('/products/d3') hands the handler: the path's implicit tag, no profile.
    await a.next().revalidateTag(['_N_T_/products/d3']);
    expect(await readPage(b, '/products/d3')).toBeNull();
    expect(await readPage(a, '/products/d3')).toBeNull();

    await putPage(b, '/products/d3', 'new price');
    expect((await readPage(a, '/products/d3'))?.html).toBe('new price');
  });

  it("revalidateTag(tag, 'max') on one instance makes the page stale on the other: served once more while it renders again", async () => {
    const [a, b] = await twoInstances();
    await putPage(a, '/products/d3', 'old price');
    await putPage(a, '/products/k2', 'other product');

    await a.next().revalidateTag(['product:d3'], { expire: 31_536_000 });
    const page = await readPage(b, '/products/d3');
    expect(page?.html).toBe('old price');
    expect(page?.isStale).toBe(true);
    expect((await readPage(b, '/products/k2'))?.isStale).toBeUndefined();

    await putPage(b, '/products/d3', 'new price');
    expect(await readPage(a, '/products/d3')).toMatchObject({
      html: 'new price',
      isStale: undefined,
    });
  });

  it('fetch data: revalidated by its own tag or by a page path it was fetched for', async () => {
    const [a, b] = await twoInstances();
    await a.next().set('fetch-key-1', fetchData('{"price":25}'), {
      fetchCache: true,
      tags: ['product:d3'],
    });
    const fresh = await b.next().get('fetch-key-1', fetchContext('d3'));
    expect(fresh).toMatchObject({ isStale: false, value: { data: { body: '{"price":25}' } } });

    await a.next().revalidateTag(['product:d3'], { expire: 31_536_000 });
    expect(await b.next().get('fetch-key-1', fetchContext('d3'))).toMatchObject({ isStale: true });

    await a.next().revalidateTag(['_N_T_/products/d3']);
    expect(await b.next().get('fetch-key-1', fetchContext('d3'))).toBeNull();
  });

  it('keeps deployments apart: another namespace never serves these entries, but shares tags', async () => {
    const [a] = await twoInstances();
    const other = await instance(`other-${randomUUID()}`);
    await putPage(a, '/products/d3', 'this deployment');
    expect(await readPage(other, '/products/d3')).toBeNull();

    await putPage(other, '/products/d3', 'next deployment');
    await a.next().revalidateTag(['_N_T_/products/d3']);
    expect(await readPage(other, '/products/d3')).toBeNull();
  });
});

describe('when Redis is unavailable', () => {
  it('Redis stopped: each instance serves what it has in memory at once, writes and revalidations do not wait, and health says so', async () => {
    const [a, b] = await twoInstances();
    await putPage(a, '/products/d3', 'known to both');
    expect((await readPage(b, '/products/d3'))?.html).toBe('known to both');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);

    await server.stop();
    await until(() => !a.redis.client.isReady && !b.redis.client.isReady);
    expect(b.redis.health()).toEqual({
      state: 'unavailable',
      detail: 'Redis cannot be reached; reconnecting.',
    });

    const started = performance.now();
    expect((await readPage(b, '/products/d3'))?.html).toBe('known to both');
    await putPage(a, '/products/only-a', 'written during the outage');
    expect((await readPage(a, '/products/only-a'))?.html).toBe('written during the outage');
    expect(await readPage(b, '/products/only-a')).toBeNull();
    await a.next().revalidateTag(['_N_T_/products/d3']);
    expect(await readPage(a, '/products/d3')).toBeNull();
    expect(performance.now() - started).toBeLessThan(REDIS_DEADLINE_MS);

    await server.start();
    await until(() => a.redis.ready && b.redis.ready, 5_000);
    expect(b.redis.health()).toEqual({ state: 'connected' });
  });

  it('falls back as well when the connection comes from another copy of its module, as in next start', async () => {
    // Next loads the cache handler natively and the rest of the server from bundles, so the
    // connection (made once per process) and the cache can come from two copies of client.mjs.
    vi.resetModules();
    const copy = await import('@/lib/redis/client.mjs');
    expect(copy.RedisConnection).not.toBe(RedisConnection);
    const redis = new copy.RedisConnection(server.url);
    opened.push(redis);
    await until(() => redis.ready);
    const cache = new SharedCache({
      redis,
      namespace: `copy-${randomUUID()}`,
      memoryBytes: 1 << 20,
    });
    const next = new IncrementalCache({
      dev: false,
      requestHeaders: {},
      previewProps: manifest.preview,
      prerenderManifest: manifest,
      CurCacheHandler: cacheHandlerClass(() => cache),
    });
    await next.set('/products/d3', productPage('remembered', 'd3') as never, {
      route,
      cacheControl: hourly,
      isFallback: false,
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);

    server.pause();
    const entry = await next.get('/products/d3', {
      kind: 'APP_PAGE' as never,
      isFallback: false,
      route,
    });
    expect((entry?.value as { html: string } | undefined)?.html).toBe('remembered');
  });

  it('Redis frozen: a read costs at most the deadline once, then none while it is skipped', async () => {
    const [a, b] = await twoInstances();
    await putPage(a, '/products/d3', 'in memory');
    expect((await readPage(b, '/products/d3'))?.html).toBe('in memory');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);

    server.pause();
    let started = performance.now();
    expect((await readPage(b, '/products/d3'))?.html).toBe('in memory');
    expect(performance.now() - started).toBeLessThan(REDIS_DEADLINE_MS + 150);
    expect(b.redis.health().state).toBe('unavailable');

    started = performance.now();
    expect((await readPage(b, '/products/d3'))?.html).toBe('in memory');
    expect(performance.now() - started).toBeLessThan(REDIS_DEADLINE_MS / 2);
  });

  it('a revalidation made while Redis was down reaches the other instances when it is back', async () => {
    const [a, b] = await twoInstances();
    await putPage(a, '/products/d3', 'old price');
    expect((await readPage(b, '/products/d3'))?.html).toBe('old price');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);

    // Redis comes back with its data (from this snapshot), as after a network outage.
    await a.redis.client.sendCommand(['SAVE']);
    await server.stop();
    await until(() => !a.redis.client.isReady);
    await sleep(2);
    await a.next().revalidateTag(['_N_T_/products/d3']);
    await server.start();

    await until(async () => (await readPage(b, '/products/d3')) === null, 5_000);
    const record = await b.redis.client.hGetAll('next-cache:tag:_N_T_/products/d3');
    expect(Number(record.expired)).toBeGreaterThan(0);
  });
});
