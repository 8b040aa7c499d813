/**
 * The thread that checkpoints the WAL (started by checkpointer.ts), on a connection of its own so that
 * copying the log into the database never holds up one serving a request. Plain JavaScript: Node runs
 * this very file under vitest and tsx, and Next bundles it as a worker entry of the server.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs, truncateBytes, busyTimeoutMs } = workerData;
const db = new Database(file, { timeout: busyTimeoutMs });
const frameBytes = db.pragma('page_size', { simple: true }) + 24;

setInterval(() => {
  const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
  if (log * frameBytes >= truncateBytes) db.pragma('wal_checkpoint(TRUNCATE)');
}, intervalMs);
