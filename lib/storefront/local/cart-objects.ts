import type { GraphQLResolveInfo } from 'graphql';
import type { CartRow, LineRow } from './cart-repository';
import { nodesConnection } from './connection';
import { applyDiscounts, discountFor } from './discounts';
import { cartGid, lineGid } from './ids';
import { money, toCents } from './money';
import { variantObject, type StoreContext } from './product-objects';

/**
 * The cart as Shopify's Cart object, with costs computed from the catalog in integer cents. A line
 * whose variant left the catalog is not shown, counted or sold (see orders.ts).
 */
export function cartObject(context: StoreContext, cart: CartRow): Record<string, unknown> {
  const currency = context.catalog.currency;
  const lines = context.carts.lines(cart.token).flatMap((line) => {
    const found = context.catalog.variant(line.sku);
    return found ? [{ line, ...found }] : [];
  });
  const subtotalCents = lines.reduce((sum, { line, variant }) => sum + toCents(variant.price) * line.quantity, 0);
  const discounts = applyDiscounts(cart.discountCodes, subtotalCents);
  const totalCents = subtotalCents - discounts.reduce((sum, discount) => sum + discount.cents, 0);

  // Built only when a query selects lines: most mutation answers need just totals.
  const lineObjects = () => lines.map(({ line, product, variant }) => lineObject(line, variantObject(context, product, variant), toCents(variant.price), currency));

  return {
    id: cartGid(cart.token),
    // The checkout reads the cart from the shopper's cookie: the cart id is a bearer secret, kept out of URLs.
    checkoutUrl: `${context.siteUrl}/checkout`,
    totalQuantity: lines.reduce((sum, { line }) => sum + line.quantity, 0),
    cost: { subtotalAmount: money(subtotalCents, currency), totalAmount: money(totalCents, currency) },
    lines: (args: Record<string, unknown>, _context: unknown, info: GraphQLResolveInfo) => nodesConnection(lineObjects(), args, info),
    discountCodes: cart.discountCodes.map((code) => ({ code, applicable: discountFor(code) !== undefined })),
    discountAllocations: discounts.map((discount) => ({
      __typename: 'CartCodeDiscountAllocation',
      code: discount.code,
      discountedAmount: money(discount.cents, currency),
    })),
  };
}

function lineObject(line: LineRow, merchandise: Record<string, unknown>, unitCents: number, currency: string) {
  return {
    // `lines` lists the BaseCartLine interface: the executor resolves its type from __typename.
    __typename: 'CartLine',
    id: lineGid(line.id),
    quantity: line.quantity,
    merchandise,
    sellingPlanAllocation: null,
    cost: { amountPerQuantity: money(unitCents, currency), totalAmount: money(unitCents * line.quantity, currency) },
  };
}
