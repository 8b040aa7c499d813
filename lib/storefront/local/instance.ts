import 'server-only';
import path from 'node:path';
import { getContent, toCatalog } from '@/lib/content';
import { siteUrl } from '@/lib/site-url';
import { createLocalStore, type LocalStore } from './index';

// One store per server process, shared by route handlers and pages even when bundled separately.
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
