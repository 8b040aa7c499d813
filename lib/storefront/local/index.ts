import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '@/lib/content/catalog-types';
import { CartRepository } from './cart-repository';
import { indexCatalog } from './catalog-index';
import { checkpointInBackground, walBackstop } from './checkpointer';
import { DATABASE_FILE, openDatabase, quickCheck } from './database';
import { createExecutor, type OperationRequest } from './execute';
import { createOrders, type LocalOrder, type PlaceOrderResult } from './orders';
import {
  createStorageErrorLog,
  isStorageError,
  ORDER_UNAVAILABLE_MESSAGE,
  storeUnavailable,
  StoreUnavailableError,
  type StorageErrorLog,
} from './storage-errors';
import type Database from 'better-sqlite3';
import type { ExecutionResult } from 'graphql';

export { CART_LIFETIME_SECONDS } from './cart-repository';
export { MAX_CART_QUANTITY, MAX_LINE_QUANTITY } from './user-errors';
export { STORE_UNAVAILABLE_MESSAGE, StoreUnavailableError } from './storage-errors';
export type { LocalOrder, PlaceOrderResult } from './orders';

export interface HealthCheck {
  name: 'database' | 'integrity' | 'writable' | 'recent errors';
  ok: boolean;
  /** For the operator; never SQLite's text or a file path (the server log has those). */
  detail: string;
}

export interface LocalStore {
  /**
   * One GraphQL operation, in process. Never throws: a request that cannot run at all (syntax,
   * validation, variables, operation name) answers `{ errors }` without `data`, as Shopify's 400 does.
   */
  execute(request: OperationRequest): Promise<ExecutionResult>;
  /** The local checkout: turns a cart into an order atomically, or says why it cannot. */
  placeOrder(cartId: string): PlaceOrderResult;
  /** Null for an unknown order; throws StoreUnavailableError when the database fails. */
  getOrder(orderId: string): LocalOrder | null;
  /** Whether the store can serve: the database opened, passed quick_check, is writable and has not failed lately. */
  health(): { ready: boolean; checks: HealthCheck[] };
  /** Deletes expired carts now (the store also does on open and every hour); returns how many. */
  deleteExpiredCarts(): number;
  close(): void;
}

export interface LocalStoreOptions {
  catalog: Catalog;
  dataDir: string;
  siteUrl: string;
  /** Serve an existing database without writing to it: reads work, writes answer STORE_UNAVAILABLE. */
  readonly?: boolean;
  /** The time in ms; tests move it to expire carts. */
  clock?: () => number;
}

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

type CheckName = HealthCheck['name'];
const passed = (name: CheckName, detail = 'ok') => ({ name, ok: true, detail });
const failed = (name: CheckName, detail: string) => ({ name, ok: false, detail });
const ORDER_UNAVAILABLE: PlaceOrderResult = { ok: false, message: ORDER_UNAVAILABLE_MESSAGE };
const orderUnavailable = () => ORDER_UNAVAILABLE;
const nothingDeleted = () => 0;
const throwStoreUnavailable = (): never => {
  throw new StoreUnavailableError();
};

/**
 * The embedded store used when no Shopify store is configured: Shopify's Storefront schema, the
 * catalog from content/, carts and orders in SQLite. A database that cannot be opened or fails its
 * integrity check leaves the store up but not ready: every operation answers STORE_UNAVAILABLE.
 */
export function createLocalStore(options: LocalStoreOptions): LocalStore {
  const file = path.join(options.dataDir, DATABASE_FILE);
  const clock = options.clock ?? Date.now;
  const storageErrors = createStorageErrorLog(file, clock);
  const opened = open(file, options, storageErrors);
  if (!opened.db) return unavailableStore(opened.checks);
  const db = opened.db;

  const writable = !options.readonly;
  const carts = new CartRepository(db, clock, writable ? walBackstop(db) : undefined);
  const context = {
    catalog: indexCatalog(options.catalog),
    carts,
    siteUrl: options.siteUrl.replace(/\/+$/, ''),
  };
  const run = createExecutor(context, storageErrors);
  const orders = createOrders(db, context, carts);
  const checkpoints = writable ? checkpointInBackground(db) : { stop: () => undefined };

  /** A storage failure is logged for the operator and answered by `fallback`; anything else throws. */
  function guarded<T>(operation: string, fallback: () => T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!isStorageError(error)) throw error;
      storageErrors.report(error, operation);
      return fallback();
    }
  }
  const deleteExpiredCarts = () =>
    guarded('deleting expired carts', nothingDeleted, () => carts.deleteExpired());
  let sweeper: NodeJS.Timeout | undefined;
  if (writable) {
    deleteExpiredCarts();
    sweeper = setInterval(deleteExpiredCarts, SWEEP_INTERVAL_MS).unref();
  }

  return {
    execute: run,
    placeOrder: (cartId) =>
      guarded('placeOrder', orderUnavailable, () => orders.placeOrder(cartId)),
    getOrder: (orderId) =>
      guarded('getOrder', throwStoreUnavailable, () => orders.getOrder(orderId)),
    health() {
      const recent = storageErrors.recent();
      const checks = [
        ...opened.checks,
        canWrite(db, options.dataDir)
          ? passed('writable')
          : failed('writable', 'The database is open read-only: carts cannot be saved.'),
        recent
          ? failed('recent errors', `The database failed with ${recent.code} in the last minute.`)
          : passed('recent errors', 'none in the last minute'),
      ];
      return { ready: checks.every((check) => check.ok), checks };
    },
    deleteExpiredCarts,
    close() {
      clearInterval(sweeper);
      checkpoints.stop();
      db.close();
    },
  };
}

/**
 * Whether writes can succeed, without taking the write lock (seconds under load). SQLite silently
 * opens an unwritable file read-only; access() reports a read-only mount even to root.
 */
function canWrite(db: Database.Database, dataDir: string): boolean {
  if (db.readonly || db.pragma('query_only', { simple: true })) return false;
  try {
    fs.accessSync(db.name, fs.constants.W_OK);
    fs.accessSync(dataDir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Opens the database and runs quick_check; a failure is logged once, for the operator, and leaves `db` null. */
function open(
  file: string,
  options: LocalStoreOptions,
  storageErrors: StorageErrorLog,
): { db: Database.Database | null; checks: HealthCheck[] } {
  let db: Database.Database;
  try {
    db = openDatabase(options.dataDir, options.readonly);
  } catch (error) {
    storageErrors.report(error instanceof Error ? error : new Error(String(error)), 'open');
    const detail = 'The database could not be opened (see the server log).';
    return { db: null, checks: [failed('database', detail)] };
  }
  const problems = quickCheck(db);
  if (problems.length === 0)
    return { db, checks: [passed('database'), passed('integrity', 'quick_check ok')] };
  // SQLite's report spans lines; the log gets one.
  const shown = problems
    .slice(0, 3)
    .join('; ')
    .replace(/\s*\n\s*/g, '; ');
  console.error(
    `[local store] PRAGMA quick_check failed on ${file}: ${shown}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. ` +
      'The store will not serve from this file: stop the server and restore it from a backup, or move it aside (a new, empty store is created on start).',
  );
  db.close();
  const detail = 'The database failed its integrity check (see the server log).';
  return { db: null, checks: [passed('database'), failed('integrity', detail)] };
}

/** The store when its database is unusable: up, not ready, and honest about it in every answer. */
function unavailableStore(checks: HealthCheck[]): LocalStore {
  return {
    execute: async () => ({ errors: [storeUnavailable()] }),
    placeOrder: orderUnavailable,
    getOrder: throwStoreUnavailable,
    health: () => ({ ready: false, checks }),
    deleteExpiredCarts: nothingDeleted,
    close: () => undefined,
  };
}
