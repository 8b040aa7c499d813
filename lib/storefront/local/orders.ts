import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { CartRepository } from './cart-repository';
import { discountFor } from './discounts';
import { parseGid } from './ids';
import { money, toCents, type MoneyV2 } from './money';
import { availableQuantity, type StoreContext } from './product-objects';

export interface LocalOrder {
  id: string;
  /** Shown to the shopper, like Shopify's "#1001". */
  name: string;
  createdAt: string;
  lines: Array<{ sku: string; title: string; variantTitle: string; quantity: number; unitPrice: MoneyV2; lineTotal: MoneyV2 }>;
  subtotal: MoneyV2;
  total: MoneyV2;
}

export type PlaceOrderResult = { ok: true; order: LocalOrder } | { ok: false; message: string };

/** The local checkout: turns a cart into an order in one transaction, re-checking stock. */
export function createOrders(db: Database.Database, context: StoreContext, carts: CartRepository) {
  const insertOrder = db.prepare(
    `INSERT INTO orders (id, number, cart_token, currency, subtotal_cents, total_cents, created_at)
     VALUES (@id, (SELECT COALESCE(MAX(number), 1000) + 1 FROM orders), @token, @currency, @subtotal, @total, @createdAt)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (order_id, sku, title, variant_title, quantity, unit_cents) VALUES (@orderId, @sku, @title, @variantTitle, @quantity, @unitCents)`,
  );
  const findOrder = db.prepare(`SELECT * FROM orders WHERE id = ?`);
  const findLines = db.prepare(`SELECT * FROM order_lines WHERE order_id = ? ORDER BY rowid`);

  function placeOrder(cartId: string): PlaceOrderResult {
    const token = parseGid(cartId, 'Cart');
    return carts.transaction((): PlaceOrderResult => {
      const cart = token ? carts.find(token) : null;
      if (!token || !cart) return { ok: false, message: 'This cart does not exist or was already checked out.' };
      const lines = carts.lines(token);
      if (lines.length === 0) return { ok: false, message: 'Your cart is empty: add something before checking out.' };
      const priced = [];
      for (const line of lines) {
        const found = context.catalog.variant(line.sku);
        if (!found) return { ok: false, message: `An item in your cart (${line.sku}) is no longer sold.` };
        const available = availableQuantity(context, found.variant);
        if (line.quantity > available) {
          return { ok: false, message: `Only ${available} of ${found.product.title}, ${found.variant.title} are left. Lower the quantity and try again.` };
        }
        priced.push({ line, ...found, unitCents: toCents(found.variant.price) });
      }
      const subtotal = priced.reduce((sum, item) => sum + item.unitCents * item.line.quantity, 0);
      const discount = cart.discountCodes.reduce((sum, code) => sum + Math.round((subtotal * (discountFor(code)?.percentage ?? 0)) / 100), 0);
      const id = randomUUID();
      insertOrder.run({ id, token, currency: context.catalog.currency, subtotal, total: subtotal - discount, createdAt: new Date().toISOString() });
      for (const item of priced) {
        insertLine.run({ orderId: id, sku: item.variant.sku, title: item.product.title, variantTitle: item.variant.title, quantity: item.line.quantity, unitCents: item.unitCents });
      }
      carts.complete(token);
      return { ok: true, order: getOrder(id)! };
    });
  }

  function getOrder(id: string): LocalOrder | null {
    const order = findOrder.get(id) as { id: string; number: number; currency: string; subtotal_cents: number; total_cents: number; created_at: string } | undefined;
    if (!order) return null;
    const lines = findLines.all(id) as Array<{ sku: string; title: string; variant_title: string; quantity: number; unit_cents: number }>;
    return {
      id: order.id,
      name: `#${order.number}`,
      createdAt: order.created_at,
      lines: lines.map((line) => ({
        sku: line.sku,
        title: line.title,
        variantTitle: line.variant_title,
        quantity: line.quantity,
        unitPrice: money(line.unit_cents, order.currency),
        lineTotal: money(line.unit_cents * line.quantity, order.currency),
      })),
      subtotal: money(order.subtotal_cents, order.currency),
      total: money(order.total_cents, order.currency),
    };
  }

  return { placeOrder, getOrder };
}
