import { connectionOf } from './connection';
import { applyDiscounts, isApplicable } from './discounts';
import { gid } from './ids';
import { money } from './money';
import { pricedLines, subtotalCents } from './priced-lines';
import { variantObject, type StoreContext } from './product-objects';
import { allocationObject } from './selling-plans';
import type { CartRow } from './cart-repository';

/** The cart as Shopify's Cart object, its costs in integer cents from pricedLines(). */
export function cartObject(context: StoreContext, cart: CartRow): Record<string, unknown> {
  const currency = context.catalog.currency;
  const lines = pricedLines(context, cart.token);
  // Lines on a plan count at the plan's price; discount codes then apply to that subtotal.
  const subtotal = subtotalCents(lines);
  const discounts = applyDiscounts(context.catalog, cart.discountCodes, subtotal);
  const totalCents = subtotal - discounts.reduce((sum, discount) => sum + discount.cents, 0);

  // Built only when a query selects lines: most mutation answers need just totals.
  const lineObjects = () =>
    lines.map(({ line, product, variant, plan, unitCents }) => ({
      // `lines` lists the BaseCartLine interface: the executor resolves its type from __typename.
      __typename: 'CartLine',
      id: gid('CartLine', line.id),
      quantity: line.quantity,
      merchandise: variantObject(context, product, variant),
      sellingPlanAllocation: plan ? allocationObject(variant, plan, currency) : null,
      cost: {
        amountPerQuantity: money(unitCents, currency),
        totalAmount: money(unitCents * line.quantity, currency),
      },
    }));

  return {
    id: gid('Cart', cart.token),
    // The checkout reads the cart from the shopper's cookie: the cart id is a bearer secret, kept out of URLs.
    checkoutUrl: `${context.siteUrl}/checkout`,
    totalQuantity: lines.reduce((sum, { line }) => sum + line.quantity, 0),
    cost: {
      subtotalAmount: money(subtotal, currency),
      totalAmount: money(totalCents, currency),
    },
    lines: connectionOf(lineObjects),
    discountCodes: cart.discountCodes.map((code) => ({
      code,
      applicable: isApplicable(context.catalog, code, subtotal),
    })),
    discountAllocations: discounts.map((discount) => ({
      __typename: 'CartCodeDiscountAllocation',
      code: discount.code,
      discountedAmount: money(discount.cents, currency),
    })),
  };
}
