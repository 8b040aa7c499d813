import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createCart, D90, freshStore, V60 } from './fixture';
import { inProcesses } from './processes';

const { store, dataDir } = freshStore();
afterAll(() => store.close());

const MB = 1024 * 1024;

/** Carts in the database file alone, as a copy without its -wal file shows them. */
function cartsInDatabaseFile(): number {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wal-copy-')), 'copy.sqlite');
  fs.copyFileSync(path.join(dataDir, 'local-store.sqlite'), copy);
  const db = new Database(copy);
  try {
    return (db.prepare('SELECT count(*) AS n FROM carts').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

describe('the write-ahead log stays bounded under sustained writes', () => {
  it('a background thread checkpoints: a new cart reaches the database file without another write', async () => {
    expect(cartsInDatabaseFile()).toBe(0);
    await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    await expect.poll(cartsInDatabaseFile, { timeout: 5_000, interval: 100 }).toBe(1);
  });

  it('six processes writing as fast as they can for 15 s keep the -wal file under 64 MB', async () => {
    const wal = path.join(dataDir, 'local-store.sqlite-wal');
    let peak = 0;
    const sampler = setInterval(() => {
      const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
      peak = Math.max(peak, size);
    }, 50);
    const reports = await inProcesses(
      dataDir,
      Array.from({ length: 6 }, () => ({
        kind: 'write' as const,
        durationMs: 15_000,
        merchandiseIds: [V60, D90],
      })),
    );
    clearInterval(sampler);
    const operations = reports.reduce((sum, report) => sum + (report.operations ?? 0), 0);
    console.log(
      `[wal] peak ${(peak / MB).toFixed(1)} MB over ${operations} operations (${reports.map((report) => report.operations).join(', ')} per process)`,
    );
    // Stock runs out along the way (refusals are userErrors, not errors); nothing may fail outright.
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(operations).toBeGreaterThan(10_000);
    expect(peak).toBeLessThan(64 * MB);
  }, 120_000);
});
