import path from 'node:path';
import { getContent, toCatalog } from '@/lib/content';
import { siteUrl } from '@/lib/site-url';
import { createLocalStore, type LocalStore } from './index';

// One store per server process, shared by route handlers, pages and the HTTP front (lib/http/serve.ts),
// which are loaded as separate module instances. No 'server-only' guard: the front runs outside Next's
// bundler; a client bundle could not load this module anyway (node:path, better-sqlite3).
const holder = globalThis as typeof globalThis & { __localStore?: LocalStore };

export function localStoreDataDir(): string {
  return process.env.LOCAL_STORE_DATA_DIR ?? path.join(process.cwd(), '.data', 'local-store');
}

export function getLocalStore(): LocalStore {
  holder.__localStore ??= createLocalStore({
    catalog: toCatalog(getContent()),
    dataDir: localStoreDataDir(),
    siteUrl: siteUrl(),
  });
  return holder.__localStore;
}
