import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { STORE_UNAVAILABLE_MESSAGE, StoreUnavailableError } from '@/lib/storefront/local';
import { createCart, freshStore, readCart, run, V60 } from './fixture';

const FILE = 'local-store.sqlite';
const PAGE = 4096;
const unavailable = {
  errors: [{ message: STORE_UNAVAILABLE_MESSAGE, extensions: { code: 'STORE_UNAVAILABLE' } }],
};
const ORDER_UNAVAILABLE = {
  ok: false,
  message: 'The store could not place your order right now. Please try again in a moment.',
};

/** A store's database with some carts in it, checkpointed into the main file and closed. */
let healthyDir: string;
let cartId: string;
beforeAll(async () => {
  const { store, dataDir } = freshStore();
  cartId = (await createCart(store, [{ merchandiseId: V60, quantity: 2 }])).id;
  for (let index = 0; index < 200; index++)
    await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
  store.close();
  const db = new Database(path.join(dataDir, FILE));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  healthyDir = dataDir;
});

/** A copy of the healthy database with random bytes written over one page. */
function damagedCopy(page: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-damaged-'));
  fs.copyFileSync(path.join(healthyDir, FILE), path.join(dir, FILE));
  const fd = fs.openSync(path.join(dir, FILE), 'r+');
  const garbage = Buffer.alloc(PAGE);
  for (let index = 0; index < PAGE; index++) garbage[index] = (index * 7919 + 13) % 251;
  fs.writeSync(fd, garbage, 0, PAGE, (page - 1) * PAGE);
  fs.closeSync(fd);
  return dir;
}

function copyOfHealthy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-copy-'));
  fs.copyFileSync(path.join(healthyDir, FILE), path.join(dir, FILE));
  return dir;
}

afterEach(() => vi.restoreAllMocks());

const logged = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map((call) => call.map(String).join(' '));

describe('a damaged database', () => {
  it('a page of garbage fails quick_check on open: one clear log line, not ready, and every operation answers STORE_UNAVAILABLE', async () => {
    const dir = damagedCopy(3);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store } = freshStore({ dataDir: dir });
    expect(logged(log)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[local store\\] PRAGMA quick_check failed on ${path.join(dir, FILE)}: .+\\. The store will not serve from this file`,
        ),
      ),
    ]);

    expect(store.health()).toEqual({
      ready: false,
      checks: [
        { name: 'database', ok: true, detail: 'ok' },
        {
          name: 'integrity',
          ok: false,
          detail: 'The database failed its integrity check (see the server log).',
        },
      ],
    });
    expect(
      JSON.parse(
        JSON.stringify(await store.execute({ query: '{ product(handle: "test-d3k2") { id } }' })),
      ),
    ).toEqual(unavailable);
    expect(
      JSON.parse(
        JSON.stringify(await store.execute({ query: 'mutation { cartCreate { cart { id } } }' })),
      ),
    ).toEqual(unavailable);
    expect(store.placeOrder(cartId)).toEqual(ORDER_UNAVAILABLE);
    expect(() => store.getOrder('00000000-0000-0000-0000-000000000000')).toThrow(
      StoreUnavailableError,
    );
    expect(log).toHaveBeenCalledTimes(1);
    store.close();
  });

  it('garbage over the header (not a database at all) fails to open, with the SQLite code and file in the log', async () => {
    const dir = damagedCopy(1);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store } = freshStore({ dataDir: dir });
    expect(logged(log)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[local store\\] SQLITE_NOTADB on ${path.join(dir, FILE)} during open: .*; the file is damaged`,
        ),
      ),
    ]);
    expect(store.health()).toEqual({
      ready: false,
      checks: [
        {
          name: 'database',
          ok: false,
          detail: 'The database could not be opened (see the server log).',
        },
      ],
    });
    const answer = JSON.stringify(
      await store.execute({ query: '{ product(handle: "test-d3k2") { id } }' }),
    );
    expect(JSON.parse(answer)).toEqual(unavailable);
    expect(answer).not.toMatch(/SQLITE|not a database/i);
  });
});

describe('a read-only database', () => {
  it('still reads, refuses every write with STORE_UNAVAILABLE (no SQLite text), logs once, and is not ready', async () => {
    const dir = copyOfHealthy();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store } = freshStore({ dataDir: dir, readonly: true });
    expect(store.health().ready).toBe(false);
    expect(store.health().checks.find((check) => check.name === 'writable')).toEqual({
      name: 'writable',
      ok: false,
      detail: 'The database is open read-only: carts cannot be saved.',
    });

    expect((await readCart(store, cartId))?.totalQuantity).toBe(2);
    expect(await run(store, '{ product(handle: "test-d3k2") { handle } }')).toEqual({
      product: { handle: 'test-d3k2' },
    });

    const writes = [
      { query: 'mutation { cartCreate { cart { id } } }' },
      {
        query:
          'mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: "gid://shopify/ProductVariant/T-60" }]) { cart { id } userErrors { message } } }',
        variables: { id: cartId },
      },
      {
        query:
          'mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["WELCOME10"]) { cart { id } } }',
        variables: { id: cartId },
      },
    ];
    for (const write of writes) {
      const answer = JSON.parse(JSON.stringify(await store.execute(write))) as {
        data: Record<string, null>;
        errors: Array<{ message: string; extensions: unknown; path: string[] }>;
      };
      expect(answer.errors.map(({ message, extensions }) => ({ message, extensions }))).toEqual(
        unavailable.errors,
      );
      expect(JSON.stringify(answer)).not.toMatch(/SQLITE|readonly|read-only/i);
    }
    expect(store.placeOrder(cartId)).toEqual(ORDER_UNAVAILABLE);
    expect((await readCart(store, cartId))?.totalQuantity).toBe(2);

    // Four failed writes, one line for the operator: the code, the file, the operation and what to check.
    expect(logged(log)).toEqual([
      `[local store] SQLITE_READONLY on ${path.join(dir, FILE)} during Mutation.cartCreate: attempt to write a readonly database; the store cannot write: check the permissions and mount of the file and its directory. Shoppers are asked to try again.`,
    ]);
    expect(store.health().checks.find((check) => check.name === 'recent errors')).toEqual({
      name: 'recent errors',
      ok: false,
      detail: 'The database failed with SQLITE_READONLY in the last minute.',
    });
    store.close();
  });
});

describe('a sound database', () => {
  it('is ready, with every check passed', () => {
    const { store } = freshStore({ dataDir: copyOfHealthy() });
    expect(store.health()).toEqual({
      ready: true,
      checks: [
        { name: 'database', ok: true, detail: 'ok' },
        { name: 'integrity', ok: true, detail: 'quick_check ok' },
        { name: 'writable', ok: true, detail: 'ok' },
        { name: 'recent errors', ok: true, detail: 'none in the last minute' },
      ],
    });
    store.close();
  });
});

describe('GET /api/health and storeHealth()', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  async function get(env: Record<string, string | undefined>) {
    vi.resetModules();
    process.env = { ...saved, ...env };
    const { GET } = await import('@/app/api/health/route');
    const response = GET();
    return {
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
      body: (await response.json()) as unknown,
    };
  }

  it('answers 200 ready for a sound local store', async () => {
    expect(
      await get({ PUBLIC_STORE_DOMAIN: undefined, LOCAL_STORE_DATA_DIR: copyOfHealthy() }),
    ).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ready' } });
  });

  it('answers 503 with the reason, and nothing private, for a damaged one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = damagedCopy(3);
    const answer = await get({ PUBLIC_STORE_DOMAIN: undefined, LOCAL_STORE_DATA_DIR: dir });
    expect(answer).toEqual({
      status: 503,
      cacheControl: 'no-store',
      body: {
        status: 'not ready',
        reason: 'The database failed its integrity check (see the server log).',
      },
    });
    expect(JSON.stringify(answer)).not.toContain(dir);
  });

  it('is ready in Shopify mode without opening a local database', async () => {
    const dir = path.join(os.tmpdir(), `never-created-${process.pid}`);
    expect(
      await get({
        PUBLIC_STORE_DOMAIN: 'shop.example',
        PUBLIC_STOREFRONT_API_TOKEN: 'token',
        LOCAL_STORE_DATA_DIR: dir,
      }),
    ).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ready' } });
    const { storeHealth } = await import('@/lib/storefront/health');
    expect(storeHealth()).toEqual({ ready: true, mode: 'shopify', checks: [] });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('is not ready when the Shopify configuration is incomplete', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(
      await get({ PUBLIC_STORE_DOMAIN: 'shop.example', PUBLIC_STOREFRONT_API_TOKEN: undefined }),
    ).toEqual({
      status: 503,
      cacheControl: 'no-store',
      body: {
        status: 'not ready',
        reason: 'The storefront is not configured correctly (see the server log).',
      },
    });
  });
});
