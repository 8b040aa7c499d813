import path from 'node:path';
import { getContent, toCatalog } from '@/lib/content';
import { siteUrl } from '@/lib/site-url';
import { createLocalStore, type LocalStore } from './index';

// No 'server-only' guard: vitest.config.ts does not resolve the "react-server" export condition, so the
// guard would throw in every unit test that reaches this module unless each one mocked it. A client
// bundle cannot load this module anyway (node:path, better-sqlite3).

/** One store (one SQLite connection, one checkpointer, one cart sweeper) per server process. */
let store: LocalStore | undefined;

export function getLocalStore(): LocalStore {
  store ??= createLocalStore({
    catalog: toCatalog(getContent()),
    dataDir: process.env.LOCAL_STORE_DATA_DIR ?? path.join(process.cwd(), '.data', 'local-store'),
    siteUrl: siteUrl(),
  });
  return store;
}
