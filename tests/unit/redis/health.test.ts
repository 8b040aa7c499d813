import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sharedRedis } from '@/lib/redis/client.mjs';
import { until } from './until';
import { startRedisServer, type RedisServer } from '../../support/redis-server';

let server: RedisServer;
const saved = { ...process.env };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-health-redis-'));

beforeAll(async () => {
  server = await startRedisServer();
  process.env = {
    ...saved,
    REDIS_URL: server.url,
    PUBLIC_STORE_DOMAIN: undefined,
    LOCAL_STORE_DATA_DIR: dataDir,
  };
});

afterAll(async () => {
  await sharedRedis()?.close();
  process.env = { ...saved };
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function health() {
  const { GET } = await import('@/app/api/health/route');
  const response = GET();
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('GET /api/health with REDIS_URL set', () => {
  it('reports Redis connected, then degraded (still 200) while it is down, then connected again', async () => {
    sharedRedis();
    await until(() => sharedRedis()!.ready);
    expect(await health()).toEqual({ status: 200, body: { status: 'ready', redis: 'connected' } });

    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await server.stop();
    await until(() => !sharedRedis()!.ready);
    expect(await health()).toEqual({
      status: 200,
      body: {
        status: 'degraded',
        redis: 'unavailable',
        reason:
          "Redis cannot be reached; reconnecting. The cache and the limits are this instance's own until it is back.",
      },
    });

    await server.start();
    await until(() => sharedRedis()!.ready, 5_000);
    expect(await health()).toEqual({ status: 200, body: { status: 'ready', redis: 'connected' } });
  });
});
