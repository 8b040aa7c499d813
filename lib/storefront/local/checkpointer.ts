import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Past this the background thread empties the log, making writers wait for it. */
const WAL_TRUNCATE_BYTES = 16 * 1024 * 1024;
/** Past this a writer empties the log itself before it writes (see walBackstop). */
const WAL_BACKSTOP_BYTES = 32 * 1024 * 1024;

/**
 * Moves WAL checkpoints off the request path: done by the committing connection (SQLite's default),
 * a checkpoint's copy and fsync stall every request in flight. PASSIVE checkpoints never block
 * writers but never shrink the log, which under steady writes from several processes may never
 * restart; so past WAL_TRUNCATE_BYTES a TRUNCATE checkpoint empties it, and writers wait for that
 * (busy timeout 5 s), the price of a bounded file. If the thread cannot run, the serving connection
 * checkpoints for itself again.
 */
export function checkpointInBackground(db: Database.Database): { stop: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
      workerData: {
        file: db.name,
        intervalMs: 250,
        truncateBytes: WAL_TRUNCATE_BYTES,
        busyTimeoutMs: 2000,
      },
    });
  } catch {
    return { stop: () => undefined };
  }
  db.pragma('wal_autocheckpoint = 0');
  worker.unref();
  worker.on('error', (error) => {
    if (!db.open) return;
    console.warn(
      `[local store] background checkpoints stopped (${error.message}); checkpointing inline.`,
    );
    db.pragma('wal_autocheckpoint = 1000');
  });
  return { stop: () => void worker.terminate() };
}

/** A synchronous sleep: the writer is inside a synchronous SQLite call path and must not write yet. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The backstop for when the thread cannot get the write lock in time (writers in several processes
 * keep taking it): before each write transaction, a log past WAL_BACKSTOP_BYTES is emptied first.
 * When another checkpoint is running SQLite answers "busy" at once, and the writer waits in 10 ms
 * steps (up to the 5 s busy timeout) rather than write, so that checkpoint gets the write lock and
 * empties the log. Costs one stat() a write.
 */
export function walBackstop(db: Database.Database): () => void {
  const wal = `${db.name}-wal`;
  const size = () => {
    try {
      return fs.statSync(wal).size;
    } catch {
      return 0;
    }
  };
  return () => {
    for (let waited = 0; size() >= WAL_BACKSTOP_BYTES && waited < 5000; waited += 10) {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (!result?.busy) return;
      pause(10);
    }
  };
}
