import { newCartToken, newLineId } from './ids';
import type Database from 'better-sqlite3';

/**
 * A cart that was not checked out expires this long after its last change: CART_COOKIE_MAX_AGE, so
 * no cookie outlives its cart and no cart its cookie (tests/unit/local-store/carts.test.ts checks).
 */
export const CART_LIFETIME_SECONDS = 60 * 60 * 24 * 14;

export interface CartRow {
  token: string;
  discountCodes: string[];
}

export interface LineRow {
  id: string;
  sku: string;
  quantity: number;
  /** The plan's key (catalog-index.ts planKey), or null for a one-time purchase. */
  sellingPlan: string | null;
}

/** Expired carts are deleted this many at a time, so a sweep never holds the write lock for long. */
const SWEEP_BATCH = 500;

/** All SQL for carts, prepared once. Callers wrap multi-step changes in `transaction`. */
export class CartRepository {
  private readonly statements;

  /** `clock`: ms, moved by tests; `beforeWrite`: before each write transaction (checkpointer.ts). */
  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => number,
    private readonly beforeWrite: () => void = () => undefined,
  ) {
    // Timestamps are ISO 8601 strings, which compare in time order as text.
    const expired = `completed_at IS NULL AND updated_at <= @cutoff`;
    this.statements = {
      insertCart: db.prepare(
        `INSERT INTO carts (token, created_at, updated_at) VALUES (@token, @now, @now)`,
      ),
      findCart: db.prepare(
        `SELECT token, discount_codes AS discountCodes FROM carts WHERE token = ? AND completed_at IS NULL AND updated_at > ?`,
      ),
      lines: db.prepare(
        `SELECT id, sku, quantity, NULLIF(selling_plan, '') AS sellingPlan FROM cart_lines WHERE cart_token = ? ORDER BY position`,
      ),
      // The store never sets line attributes, so each line keeps the column's default '[]' and (cart, sku,
      // plan) names one line.
      addLine: db.prepare(
        `INSERT INTO cart_lines (id, cart_token, sku, quantity, position, selling_plan)
         VALUES (@id, @token, @sku, @quantity, (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_lines WHERE cart_token = @token), @plan)
         ON CONFLICT (cart_token, sku, attributes, selling_plan) DO UPDATE SET quantity = quantity + excluded.quantity`,
      ),
      updateLine: db.prepare(
        `UPDATE cart_lines SET quantity = @quantity, selling_plan = @plan WHERE id = @id AND cart_token = @token`,
      ),
      removeLine: db.prepare(`DELETE FROM cart_lines WHERE id = ? AND cart_token = ?`),
      touch: db.prepare(`UPDATE carts SET updated_at = ? WHERE token = ?`),
      setDiscountCodes: db.prepare(`UPDATE carts SET discount_codes = ? WHERE token = ?`),
      ordered: db.prepare(
        `SELECT COALESCE(SUM(quantity), 0) AS quantity FROM order_lines WHERE sku = ?`,
      ),
      complete: db.prepare(
        `UPDATE carts SET completed_at = ? WHERE token = ? AND completed_at IS NULL`,
      ),
      // Both statements pick the same oldest batch inside one transaction: lines first (foreign key).
      deleteExpiredLines: db.prepare(
        `DELETE FROM cart_lines WHERE cart_token IN (SELECT token FROM carts WHERE ${expired} ORDER BY updated_at, token LIMIT @batch)`,
      ),
      deleteExpiredCarts: db.prepare(
        `DELETE FROM carts WHERE token IN (SELECT token FROM carts WHERE ${expired} ORDER BY updated_at, token LIMIT @batch)`,
      ),
    };
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }

  /** Carts last changed at or before this moment have expired. */
  private cutoff(): string {
    return new Date(this.clock() - CART_LIFETIME_SECONDS * 1000).toISOString();
  }

  /** IMMEDIATE: the write lock is taken up front, so reads inside see the latest state and two processes never deadlock upgrading a read. */
  transaction<T>(work: () => T): T {
    this.beforeWrite();
    return this.db.transaction(work).immediate();
  }

  create(): string {
    const token = newCartToken();
    this.statements.insertCart.run({ token, now: this.now() });
    return token;
  }

  /** Null for unknown, expired and checked-out carts: after checkout a cart is gone, as on Shopify. */
  find(token: string): CartRow | null {
    const row = this.statements.findCart.get(token, this.cutoff()) as
      { token: string; discountCodes: string } | undefined;
    return row ? { ...row, discountCodes: JSON.parse(row.discountCodes) as string[] } : null;
  }

  lines(token: string): LineRow[] {
    return this.statements.lines.all(token) as LineRow[];
  }

  /** Adds to the cart's line for this variant and plan, or creates it. The caller has checked stock and caps. */
  addLine(token: string, sku: string, quantity: number, sellingPlan: string | null): void {
    this.statements.addLine.run({ id: newLineId(), token, sku, quantity, plan: sellingPlan ?? '' });
  }

  /** Sets a line's quantity and plan (null: one-time). The caller has merged it into any line already on that plan. */
  updateLine(token: string, lineId: string, quantity: number, sellingPlan: string | null): void {
    this.statements.updateLine.run({ token, id: lineId, quantity, plan: sellingPlan ?? '' });
  }

  removeLine(token: string, lineId: string): boolean {
    return this.statements.removeLine.run(lineId, token).changes === 1;
  }

  /** A change renews the cart's lifetime, as the cookie is renewed with it. */
  touch(token: string): void {
    this.statements.touch.run(this.now(), token);
  }

  setDiscountCodes(token: string, codes: string[]): void {
    this.statements.setDiscountCodes.run(JSON.stringify(codes), token);
  }

  /** Units of a SKU already sold: stock on hand is the catalog's stock minus these. */
  orderedQuantity(sku: string): number {
    return (this.statements.ordered.get(sku) as { quantity: number }).quantity;
  }

  complete(token: string): void {
    this.statements.complete.run(this.now(), token);
  }

  /** Deletes expired carts and their lines, a batch per transaction; returns how many carts went. */
  deleteExpired(): number {
    let deleted = 0;
    for (;;) {
      const params = { cutoff: this.cutoff(), batch: SWEEP_BATCH };
      const carts = this.transaction(() => {
        this.statements.deleteExpiredLines.run(params);
        return this.statements.deleteExpiredCarts.run(params).changes;
      });
      deleted += carts;
      if (carts < SWEEP_BATCH) return deleted;
    }
  }
}
