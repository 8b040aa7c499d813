import { randomUUID } from 'node:crypto';
import { applyDiscounts } from './discounts';
import { parseGid } from './ids';
import { money, type MoneyV2 } from './money';
import { pricedLines, subtotalCents } from './priced-lines';
import { availableQuantity, type StoreContext } from './product-objects';
import { MAX_CART_QUANTITY, MAX_LINE_QUANTITY } from './user-errors';
import type { CartRepository } from './cart-repository';
import type Database from 'better-sqlite3';

export interface LocalOrderLine {
  sku: string;
  /** The product title at the time of the order. */
  title: string;
  variantTitle: string;
  /** The subscription the line was bought on, by its name at the time; null for one-time. */
  sellingPlanName: string | null;
  quantity: number;
  /** The plan's price when the line has one. */
  unitPrice: MoneyV2;
  lineTotal: MoneyV2;
}

export interface LocalOrder {
  id: string;
  /** Sequential, from 1001 like a new Shopify store. */
  number: number;
  /** Shown to the shopper, like Shopify's "#1001". */
  name: string;
  /** ISO 8601. */
  createdAt: string;
  currency: string;
  lines: LocalOrderLine[];
  subtotal: MoneyV2;
  /** What discount codes took off the subtotal (0.0 without one). */
  discount: MoneyV2;
  total: MoneyV2;
}

export type PlaceOrderResult = { ok: true; order: LocalOrder } | { ok: false; message: string };

const refused = (message: string): PlaceOrderResult => ({ ok: false, message });
const CART_GONE = 'This cart does not exist or was already checked out.';

/** The local checkout: turns a cart into an order in one transaction, re-checking stock and the caps. */
export function createOrders(db: Database.Database, context: StoreContext, carts: CartRepository) {
  const insertOrder = db.prepare(
    `INSERT INTO orders (id, number, cart_token, currency, subtotal_cents, total_cents, created_at)
     VALUES (@id, (SELECT COALESCE(MAX(number), 1000) + 1 FROM orders), @token, @currency, @subtotal, @total, @createdAt)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (order_id, sku, title, variant_title, selling_plan_name, quantity, unit_cents)
     VALUES (@orderId, @sku, @title, @variantTitle, @sellingPlanName, @quantity, @unitCents)`,
  );
  const findOrder = db.prepare(
    `SELECT id, number, created_at AS createdAt, currency, subtotal_cents AS subtotal, total_cents AS total FROM orders WHERE id = ?`,
  );
  const findLines = db.prepare(
    `SELECT sku, title, variant_title AS variantTitle, selling_plan_name AS sellingPlanName, quantity, unit_cents AS unitCents
     FROM order_lines WHERE order_id = ? ORDER BY rowid`,
  );

  function placeOrder(cartId: string): PlaceOrderResult {
    const token = parseGid(cartId, 'Cart');
    if (!token) return refused(CART_GONE);
    // One IMMEDIATE transaction: stock, caps and the order are read and written with no other writer in between.
    return carts.transaction((): PlaceOrderResult => {
      const cart = carts.find(token);
      if (!cart) return refused(CART_GONE);
      // The order is what the cart shows (priced-lines.ts): plan prices, and no line the catalog no longer sells.
      const priced = pricedLines(context, token);
      if (priced.length === 0)
        return refused('Your cart is empty: add something before checking out.');

      // Checked again here: another version of the store may have filled the cart past the caps.
      const units = priced.reduce((sum, item) => sum + item.line.quantity, 0);
      if (units > MAX_CART_QUANTITY) {
        return refused(
          `A cart can hold at most ${MAX_CART_QUANTITY} items in all, and yours has ${units}. Lower a quantity and try again.`,
        );
      }
      const tooLarge = priced.find(({ line }) => line.quantity > MAX_LINE_QUANTITY);
      if (tooLarge) {
        return refused(
          `${tooLarge.product.title} (${tooLarge.variant.title}): one cart line cannot hold more than ${MAX_LINE_QUANTITY}. Lower the quantity and try again.`,
        );
      }
      // Stock is per variant, over its one-time and subscription lines together.
      const wanted = new Map<string, number>();
      for (const { line } of priced)
        wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.quantity);
      for (const [sku, quantity] of wanted) {
        const { product, variant } = context.catalog.variants.get(sku)!;
        const available = availableQuantity(context, variant);
        if (quantity > available) {
          const left = available === 0 ? 'is sold out' : `has only ${available} left`;
          return refused(
            `${product.title} (${variant.title}) ${left}. Lower the quantity in your cart and try again.`,
          );
        }
      }

      const subtotal = subtotalCents(priced);
      const discount = applyDiscounts(context.catalog, cart.discountCodes, subtotal).reduce(
        (sum, applied) => sum + applied.cents,
        0,
      );
      const id = randomUUID();
      insertOrder.run({
        id,
        token,
        currency: context.catalog.currency,
        subtotal,
        total: subtotal - discount,
        createdAt: new Date().toISOString(),
      });
      for (const item of priced) {
        insertLine.run({
          orderId: id,
          sku: item.variant.sku,
          title: item.product.title,
          variantTitle: item.variant.title,
          sellingPlanName: item.plan?.plan.name ?? null,
          quantity: item.line.quantity,
          unitCents: item.unitCents,
        });
      }
      carts.complete(token);
      return { ok: true, order: getOrder(id)! };
    });
  }

  function getOrder(id: string): LocalOrder | null {
    const order = findOrder.get(id) as
      | (Pick<LocalOrder, 'id' | 'number' | 'createdAt' | 'currency'> & {
          subtotal: number;
          total: number;
        })
      | undefined;
    if (!order) return null;
    const { currency, subtotal, total } = order;
    const lines = findLines.all(id) as Array<
      Omit<LocalOrderLine, 'unitPrice' | 'lineTotal'> & { unitCents: number }
    >;
    return {
      id: order.id,
      number: order.number,
      name: `#${order.number}`,
      createdAt: order.createdAt,
      currency,
      lines: lines.map(({ unitCents, ...line }) => ({
        ...line,
        unitPrice: money(unitCents, currency),
        lineTotal: money(unitCents * line.quantity, currency),
      })),
      subtotal: money(subtotal, currency),
      discount: money(subtotal - total, currency),
      total: money(total, currency),
    };
  }

  return { placeOrder, getOrder };
}
