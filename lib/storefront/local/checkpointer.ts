import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Past this the background thread empties the log, making writers wait for it. */
export const WAL_TRUNCATE_BYTES = 16 * 1024 * 1024;
/** Past this a writer empties the log itself before it writes (see walBackstop). */
export const WAL_BACKSTOP_BYTES = 32 * 1024 * 1024;

/**
 * Moves WAL checkpoints off the request path. A checkpoint copies the log into the database and fsyncs
 * it; done by the connection that commits (SQLite's default), it stalls every request in flight.
 *
 * PASSIVE checkpoints never block writers, but they never shrink the log either: SQLite only starts it
 * over when a checkpoint has copied every frame and no reader is using it, which under a steady write
 * load from several processes may never happen. So once the log passes WAL_TRUNCATE_BYTES, a TRUNCATE
 * checkpoint takes the write lock, waits for readers to leave the log, copies the rest and empties the
 * file: writers wait for that (their busy timeout is 5 s), which is the price of a bounded file. If the
 * thread cannot run, the serving connection checkpoints for itself again.
 */
export function checkpointInBackground(
  db: Database.Database,
  intervalMs = 250,
): { stop: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
      workerData: {
        file: db.name,
        intervalMs,
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
 * keep taking it, and the log grows fast): called before each write transaction, it empties a log
 * past WAL_BACKSTOP_BYTES first. A checkpoint already running elsewhere makes SQLite answer "busy" at
 * once, without waiting; the writer then waits in 10 ms steps (up to 5 s, the busy timeout) rather
 * than write. Writers that find the log that large all stop writing, so the checkpoint holding the
 * lock gets the write lock and empties the log. Costs one stat() a write.
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
