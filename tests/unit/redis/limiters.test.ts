import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REDIS_DEADLINE_MS, RedisConnection } from '@/lib/redis/client.mjs';
import { createLimiters } from '@/lib/security/limiters';
import { until } from './until';
import { startRedisServer, type RedisServer } from '../../support/redis-server';

let server: RedisServer;
const opened: RedisConnection[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});

afterEach(async () => {
  vi.restoreAllMocks();
  server.resume();
});

afterAll(async () => {
  await Promise.all(opened.map((redis) => redis.close()));
  await server.close();
});

/** The limiters of one `next start` process, with its own connection to the shared Redis. */
async function instance() {
  const redis = new RedisConnection(server.url);
  opened.push(redis);
  await until(() => redis.ready);
  return { redis, limits: createLimiters(redis) };
}

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

async function attempts(limits: ReturnType<typeof createLimiters>, client: string, count: number) {
  const answers: Array<number | null> = [];
  for (let index = 0; index < count; index++)
    answers.push(await limits.retryAfterSeconds('cartCreate', client));
  return answers;
}

describe('rate limits shared through Redis', () => {
  it('the cart-creation limit (20 a minute) holds across two instances', async () => {
    const [a, b] = [await instance(), await instance()];
    const client = address();
    expect(await attempts(a.limits, client, 10)).toEqual(Array(10).fill(null));
    expect(await attempts(b.limits, client, 10)).toEqual(Array(10).fill(null));

    const refused = await b.limits.retryAfterSeconds('cartCreate', client);
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(60);
    expect(await a.limits.retryAfterSeconds('cartCreate', client)).toBeGreaterThan(0);
    expect(await a.limits.blockedForSeconds('cartCreate', client)).toBeGreaterThan(0);
    // Another address is not affected.
    expect(await a.limits.retryAfterSeconds('cartCreate', address())).toBeNull();
  });

  it('in memory only, as without REDIS_URL, two instances would allow twice the limit', async () => {
    const [a, b] = [createLimiters(null), createLimiters(null)];
    const client = address();
    expect(await attempts(a, client, 20)).toEqual(Array(20).fill(null));
    expect(await attempts(b, client, 20)).toEqual(Array(20).fill(null));
    expect(await a.retryAfterSeconds('cartCreate', client)).toBeGreaterThan(0);
  });

  it('Redis stopped: each instance falls back to counting in its own memory, at once', async () => {
    const a = await instance();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await server.stop();
    await until(() => !a.redis.client.isReady);

    const client = address();
    const started = performance.now();
    expect(await attempts(a.limits, client, 20)).toEqual(Array(20).fill(null));
    expect(await a.limits.retryAfterSeconds('cartCreate', client)).toBeGreaterThan(0);
    expect(await a.limits.blockedForSeconds('cartCreate', client)).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(REDIS_DEADLINE_MS);

    await server.start();
    await until(() => a.redis.ready, 5_000);
    const afterOutage = address();
    const b = await instance();
    await attempts(a.limits, afterOutage, 20);
    expect(await b.limits.retryAfterSeconds('cartCreate', afterOutage)).toBeGreaterThan(0);
  });

  it('Redis frozen: one attempt waits at most the deadline, the next ones none, and memory counts them', async () => {
    const a = await instance();
    const client = address();
    await attempts(a.limits, client, 19);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    server.pause();
    const started = performance.now();
    // Counted in memory: the limit still refuses once memory has seen 20.
    const answers = await attempts(a.limits, client, 21);
    expect(performance.now() - started).toBeLessThan(REDIS_DEADLINE_MS + 300);
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(null));
    expect(answers[20]).toBeGreaterThan(0);
  });
});
