import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Applied in order, each once; the database's user_version counts those applied. Exported for the migration test. */
export const MIGRATIONS = [
  `CREATE TABLE carts (
     token TEXT PRIMARY KEY,
     note TEXT,
     attributes TEXT NOT NULL DEFAULT '[]',
     buyer_identity TEXT NOT NULL DEFAULT '{}',
     discount_codes TEXT NOT NULL DEFAULT '[]',
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     completed_at TEXT
   );
   CREATE TABLE cart_lines (
     id TEXT PRIMARY KEY,
     cart_token TEXT NOT NULL REFERENCES carts(token),
     sku TEXT NOT NULL,
     quantity INTEGER NOT NULL CHECK (quantity > 0),
     attributes TEXT NOT NULL DEFAULT '[]',
     position INTEGER NOT NULL,
     UNIQUE (cart_token, sku)
   );
   CREATE TABLE orders (
     id TEXT PRIMARY KEY,
     number INTEGER NOT NULL UNIQUE,
     cart_token TEXT NOT NULL UNIQUE REFERENCES carts(token),
     currency TEXT NOT NULL,
     subtotal_cents INTEGER NOT NULL,
     total_cents INTEGER NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE order_lines (
     order_id TEXT NOT NULL REFERENCES orders(id),
     sku TEXT NOT NULL,
     title TEXT NOT NULL,
     variant_title TEXT NOT NULL,
     quantity INTEGER NOT NULL,
     unit_cents INTEGER NOT NULL
   );
   CREATE INDEX order_lines_sku ON order_lines (sku);`,
  // Line attributes join the line's identity (Shopify keeps them apart); orders are read by id.
  `CREATE TABLE cart_lines_v2 (
     id TEXT PRIMARY KEY,
     cart_token TEXT NOT NULL REFERENCES carts(token),
     sku TEXT NOT NULL,
     quantity INTEGER NOT NULL CHECK (quantity > 0),
     attributes TEXT NOT NULL DEFAULT '[]',
     position INTEGER NOT NULL,
     UNIQUE (cart_token, sku, attributes)
   );
   INSERT INTO cart_lines_v2 SELECT id, cart_token, sku, quantity, attributes, position FROM cart_lines;
   DROP TABLE cart_lines;
   ALTER TABLE cart_lines_v2 RENAME TO cart_lines;
   CREATE INDEX order_lines_order ON order_lines (order_id);`,
  // Expired carts are found by their last change (cart-repository.ts deleteExpired).
  `CREATE INDEX carts_open_by_update ON carts (updated_at) WHERE completed_at IS NULL;`,
  // Subscribe & save: the selling plan joins a line's identity (the same variant one-time and on a plan
  // are two lines, as on Shopify). '' is one-time rather than NULL, because UNIQUE treats every NULL
  // as distinct and the add's ON CONFLICT would never fire. Order lines keep the plan's name as sold.
  `CREATE TABLE cart_lines_v4 (
     id TEXT PRIMARY KEY,
     cart_token TEXT NOT NULL REFERENCES carts(token),
     sku TEXT NOT NULL,
     quantity INTEGER NOT NULL CHECK (quantity > 0),
     attributes TEXT NOT NULL DEFAULT '[]',
     position INTEGER NOT NULL,
     selling_plan TEXT NOT NULL DEFAULT '',
     UNIQUE (cart_token, sku, attributes, selling_plan)
   );
   INSERT INTO cart_lines_v4 (id, cart_token, sku, quantity, attributes, position) SELECT id, cart_token, sku, quantity, attributes, position FROM cart_lines;
   DROP TABLE cart_lines;
   ALTER TABLE cart_lines_v4 RENAME TO cart_lines;
   ALTER TABLE order_lines ADD COLUMN selling_plan_name TEXT;`,
];

export const DATABASE_FILE = 'local-store.sqlite';

/**
 * Opens (and on first run creates) the store's SQLite file: WAL so readers never wait on writers.
 * `readonly` serves an existing file without writing to it (a read-only mount or a snapshot): reads
 * work, and every write fails as a storage error. Throws when the file cannot be opened or migrated.
 */
export function openDatabase(dataDir: string, readonly?: boolean): Database.Database {
  const file = path.join(dataDir, DATABASE_FILE);
  if (readonly) {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    if (pendingMigrations(db) > 0) {
      db.close();
      throw new Error(`${file} needs migrations, which a read-only store cannot run.`);
    }
    return db;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  // The busy timeout comes first: several Next workers may open a fresh file at the same moment, and
  // switching it to WAL needs a lock. NORMAL sync is durable in WAL mode except on power loss.
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Checkpoints run in the background (checkpointer.ts); this trims the log file whenever it restarts.
    db.pragma('journal_size_limit = 67108864');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * SQLite's quick_check (structure of every page, not index contents): [] when the file is sound,
 * otherwise what SQLite found, or why the check failed. Linear in the file's size: run once, on open.
 */
export function quickCheck(db: Database.Database): string[] {
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

function pendingMigrations(db: Database.Database): number {
  return MIGRATIONS.length - (db.pragma('user_version', { simple: true }) as number);
}

function migrate(db: Database.Database): void {
  if (pendingMigrations(db) <= 0) return;
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let index = version; index < MIGRATIONS.length; index++) db.exec(MIGRATIONS[index]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
