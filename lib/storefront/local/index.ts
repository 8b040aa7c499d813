import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '@/lib/content/catalog-types';
import { CartRepository } from './cart-repository';
import { CatalogIndex } from './catalog-index';
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
} from './storage-errors';
import type Database from 'better-sqlite3';
import type { ExecutionResult } from 'graphql';

export { CART_LIFETIME_SECONDS } from './cart-repository';
export { MAX_CART_QUANTITY, MAX_LINE_QUANTITY } from './user-errors';
export { STORE_UNAVAILABLE_MESSAGE, StoreUnavailableError } from './storage-errors';
export type { LocalOrder, LocalOrderLine, PlaceOrderResult } from './orders';
export type { OperationRequest };

export interface HealthCheck {
  name: 'database' | 'integrity' | 'writable' | 'recent errors';
  ok: boolean;
  /** For the operator; never SQLite's text or a file path (the server log has those). */
  detail: string;
}

export interface StoreHealth {
  ready: boolean;
  checks: HealthCheck[];
}

export interface LocalStore {
  /**
   * One GraphQL operation, in process. Never throws: a request that cannot run at all (syntax,
   * validation, variables) answers `{ errors }` without `data`, as Shopify's 400 body does.
   */
  execute(request: OperationRequest): Promise<ExecutionResult>;
  /** The local checkout: turns a cart into an order atomically, or says why it cannot. */
  placeOrder(cartId: string): PlaceOrderResult;
  /** Null for an unknown order; throws StoreUnavailableError when the database fails. */
  getOrder(orderId: string): LocalOrder | null;
  /** Whether the store can serve: the database opened, passed quick_check, is writable and has not failed lately. */
  health(): StoreHealth;
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
    catalog: new CatalogIndex(options.catalog),
    carts,
    siteUrl: options.siteUrl.replace(/\/+$/, ''),
  };
  const run = createExecutor(context, storageErrors);
  const orders = createOrders(db, context, carts);
  const checkpoints = writable ? checkpointInBackground(db) : { stop: () => undefined };

  const deleteExpiredCarts = () => {
    try {
      return carts.deleteExpired();
    } catch (error) {
      if (!isStorageError(error)) throw error;
      storageErrors.report(error, 'deleting expired carts');
      return 0;
    }
  };
  let sweeper: NodeJS.Timeout | undefined;
  if (writable) {
    deleteExpiredCarts();
    sweeper = setInterval(deleteExpiredCarts, SWEEP_INTERVAL_MS).unref();
  }

  return {
    execute: run,
    placeOrder(cartId) {
      try {
        return orders.placeOrder(cartId);
      } catch (error) {
        if (!isStorageError(error)) throw error;
        storageErrors.report(error, 'placeOrder');
        return { ok: false, message: ORDER_UNAVAILABLE_MESSAGE };
      }
    },
    getOrder(orderId) {
      try {
        return orders.getOrder(orderId);
      } catch (error) {
        if (!isStorageError(error)) throw error;
        storageErrors.report(error, 'getOrder');
        throw new StoreUnavailableError();
      }
    },
    health() {
      const recent = storageErrors.recent();
      const checks: HealthCheck[] = [
        ...opened.checks,
        canWrite(db, options.dataDir)
          ? { name: 'writable', ok: true, detail: 'ok' }
          : {
              name: 'writable',
              ok: false,
              detail: 'The database is open read-only: carts cannot be saved.',
            },
        recent
          ? {
              name: 'recent errors',
              ok: false,
              detail: `The database failed with ${recent.code} in the last minute.`,
            }
          : { name: 'recent errors', ok: true, detail: 'none in the last minute' },
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
 * Whether writes can succeed, without taking the write lock (which can take seconds under load):
 * opened read-only or locked with PRAGMA query_only, or the file or its directory not writable
 * (permissions, or a read-only mount, which access() reports even to root). SQLite itself silently
 * opens an unwritable file read-only.
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
  storageErrors: ReturnType<typeof createStorageErrorLog>,
): { db: Database.Database | null; checks: HealthCheck[] } {
  let db: Database.Database;
  try {
    db = openDatabase(options.dataDir, { readonly: options.readonly });
  } catch (error) {
    storageErrors.report(error instanceof Error ? error : new Error(String(error)), 'open');
    return {
      db: null,
      checks: [
        {
          name: 'database',
          ok: false,
          detail: 'The database could not be opened (see the server log).',
        },
      ],
    };
  }
  const opened: HealthCheck = { name: 'database', ok: true, detail: 'ok' };
  let problems: string[];
  try {
    problems = quickCheck(db);
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length === 0)
    return { db, checks: [opened, { name: 'integrity', ok: true, detail: 'quick_check ok' }] };
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
  return {
    db: null,
    checks: [
      opened,
      {
        name: 'integrity',
        ok: false,
        detail: 'The database failed its integrity check (see the server log).',
      },
    ],
  };
}

/** The store when its database is unusable: up, not ready, and honest about it in every answer. */
function unavailableStore(checks: HealthCheck[]): LocalStore {
  return {
    execute: async () => ({ errors: [storeUnavailable()] }),
    placeOrder: () => ({ ok: false, message: ORDER_UNAVAILABLE_MESSAGE }),
    getOrder: () => {
      throw new StoreUnavailableError();
    },
    health: () => ({ ready: false, checks }),
    deleteExpiredCarts: () => 0,
    close: () => undefined,
  };
}
