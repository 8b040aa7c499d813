import type Database from 'better-sqlite3';
import { newCartToken, newLineId } from './ids';

export interface Attribute {
  key: string;
  value: string | null;
}

export interface BuyerIdentity {
  countryCode?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface CartRow {
  token: string;
  note: string | null;
  attributes: Attribute[];
  buyerIdentity: BuyerIdentity;
  discountCodes: string[];
  createdAt: string;
  updatedAt: string;
}

export interface LineRow {
  id: string;
  sku: string;
  quantity: number;
  attributes: Attribute[];
}

interface RawCart {
  token: string;
  note: string | null;
  attributes: string;
  buyer_identity: string;
  discount_codes: string;
  created_at: string;
  updated_at: string;
}

/**
 * Line attributes are part of a line's identity (Shopify keeps the same variant with different
 * attributes on separate lines), so they are stored in one canonical order to compare as text.
 */
export function canonicalAttributes(attributes: readonly Attribute[]): string {
  const sorted = [...attributes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return JSON.stringify(sorted.map(({ key, value }) => ({ key, value: value ?? null })));
}

/** All SQL for carts, prepared once. Callers wrap multi-step changes in `transaction`. */
export class CartRepository {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertCart: db.prepare(
        `INSERT INTO carts (token, note, attributes, buyer_identity, discount_codes, created_at, updated_at)
         VALUES (@token, @note, @attributes, @buyerIdentity, @discountCodes, @now, @now)`,
      ),
      findCart: db.prepare(`SELECT * FROM carts WHERE token = ? AND completed_at IS NULL`),
      lines: db.prepare(`SELECT id, sku, quantity, attributes FROM cart_lines WHERE cart_token = ? ORDER BY position`),
      // One statement: concurrent adds can never lose an update, and the stock check (over every line
      // of this variant in the cart) happens in the same step as the insert or the increment.
      addLine: db.prepare(
        `INSERT INTO cart_lines (id, cart_token, sku, quantity, attributes, position)
         SELECT @id, @token, @sku, @quantity, @attributes,
                (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_lines WHERE cart_token = @token)
         WHERE (SELECT COALESCE(SUM(quantity), 0) FROM cart_lines WHERE cart_token = @token AND sku = @sku) + @quantity <= @stock
         ON CONFLICT (cart_token, sku, attributes) DO UPDATE SET quantity = quantity + excluded.quantity
         WHERE quantity + excluded.quantity <= @lineLimit`,
      ),
      updateLine: db.prepare(`UPDATE cart_lines SET sku = @sku, quantity = @quantity, attributes = @attributes WHERE id = @id AND cart_token = @token`),
      removeLine: db.prepare(`DELETE FROM cart_lines WHERE id = ? AND cart_token = ?`),
      touch: db.prepare(`UPDATE carts SET updated_at = ? WHERE token = ?`),
      setNote: db.prepare(`UPDATE carts SET note = ? WHERE token = ?`),
      setAttributes: db.prepare(`UPDATE carts SET attributes = ? WHERE token = ?`),
      setBuyerIdentity: db.prepare(`UPDATE carts SET buyer_identity = ? WHERE token = ?`),
      setDiscountCodes: db.prepare(`UPDATE carts SET discount_codes = ? WHERE token = ?`),
      ordered: db.prepare(`SELECT COALESCE(SUM(quantity), 0) AS quantity FROM order_lines WHERE sku = ?`),
      complete: db.prepare(`UPDATE carts SET completed_at = ? WHERE token = ? AND completed_at IS NULL`),
    };
  }

  /** IMMEDIATE: the write lock is taken up front, so two processes never deadlock upgrading a read. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  create(input: { note?: string | null; attributes?: Attribute[]; buyerIdentity?: BuyerIdentity }): string {
    const token = newCartToken();
    this.statements.insertCart.run({
      token,
      note: input.note ?? null,
      attributes: JSON.stringify(input.attributes ?? []),
      buyerIdentity: JSON.stringify(input.buyerIdentity ?? {}),
      discountCodes: '[]',
      now: new Date().toISOString(),
    });
    return token;
  }

  /** Null for unknown and for checked-out carts: after checkout a cart is gone, as on Shopify. */
  find(token: string): CartRow | null {
    const raw = this.statements.findCart.get(token) as RawCart | undefined;
    if (!raw) return null;
    return {
      token: raw.token,
      note: raw.note,
      attributes: JSON.parse(raw.attributes) as Attribute[],
      buyerIdentity: JSON.parse(raw.buyer_identity) as BuyerIdentity,
      discountCodes: JSON.parse(raw.discount_codes) as string[],
      createdAt: raw.created_at,
      updatedAt: raw.updated_at,
    };
  }

  lines(token: string): LineRow[] {
    return (this.statements.lines.all(token) as Array<Omit<LineRow, 'attributes'> & { attributes: string }>).map((line) => ({
      ...line,
      attributes: JSON.parse(line.attributes) as Attribute[],
    }));
  }

  /**
   * Adds to the line with this variant and attributes, or creates it. False (and nothing written)
   * when the cart would then hold more than `stock` of the variant or a line more than `lineLimit`.
   */
  addLine(token: string, sku: string, quantity: number, limits: { stock: number; lineLimit: number }, attributes: Attribute[] = []): boolean {
    if (quantity > limits.lineLimit) return false;
    const result = this.statements.addLine.run({ id: newLineId(), token, sku, quantity, attributes: canonicalAttributes(attributes), ...limits });
    return result.changes === 1;
  }

  updateLine(token: string, line: LineRow): boolean {
    return this.statements.updateLine.run({ token, id: line.id, sku: line.sku, quantity: line.quantity, attributes: canonicalAttributes(line.attributes) }).changes === 1;
  }

  removeLine(token: string, lineId: string): boolean {
    return this.statements.removeLine.run(lineId, token).changes === 1;
  }

  touch(token: string): void {
    this.statements.touch.run(new Date().toISOString(), token);
  }

  setNote(token: string, note: string): void {
    this.statements.setNote.run(note, token);
  }

  setAttributes(token: string, attributes: Attribute[]): void {
    this.statements.setAttributes.run(JSON.stringify(attributes), token);
  }

  setBuyerIdentity(token: string, identity: BuyerIdentity): void {
    this.statements.setBuyerIdentity.run(JSON.stringify(identity), token);
  }

  setDiscountCodes(token: string, codes: string[]): void {
    this.statements.setDiscountCodes.run(JSON.stringify(codes), token);
  }

  /** Units of a SKU already sold: stock on hand is the catalog's stock minus these. */
  orderedQuantity(sku: string): number {
    return (this.statements.ordered.get(sku) as { quantity: number }).quantity;
  }

  complete(token: string): boolean {
    return this.statements.complete.run(new Date().toISOString(), token).changes === 1;
  }
}
