import type { CartRow, LineRow } from './cart-repository';
import { connection, type ConnectionArgs } from './connection';
import { applyDiscounts, discountFor } from './discounts';
import { cartGid, lineGid } from './ids';
import { money, toCents } from './money';
import { variantObject, type StoreContext } from './product-objects';

/** The cart as Shopify's Cart object, with costs computed from the catalog in integer cents. */
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
  const lineObjects = () => lines.map(({ line, product, variant }) => lineObject(context, line, variantObject(context, product, variant), toCents(variant.price), variant.compareAtPrice));
  const attributes = cart.attributes.map((attribute) => ({ __typename: 'Attribute', ...attribute }));

  return {
    __typename: 'Cart',
    id: cartGid(cart.token),
    checkoutUrl: `${context.siteUrl}/checkout?cart=${encodeURIComponent(cart.token)}`,
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
    note: cart.note,
    attributes,
    attribute: ({ key }: { key: string }) => attributes.find((attribute) => attribute.key === key) ?? null,
    buyerIdentity: {
      __typename: 'CartBuyerIdentity',
      countryCode: cart.buyerIdentity.countryCode ?? null,
      email: cart.buyerIdentity.email ?? null,
      phone: cart.buyerIdentity.phone ?? null,
      customer: null,
      deliveryAddressPreferences: [],
      purchasingCompany: null,
      preferences: null,
    },
    discountCodes: cart.discountCodes.map((code) => ({ __typename: 'CartDiscountCode', code, applicable: discountFor(code) !== undefined })),
    discountAllocations: discounts.map((discount) => ({
      __typename: 'CartCodeDiscountAllocation',
      code: discount.code,
      discountedAmount: money(discount.cents, currency),
      targetType: 'LINE_ITEM',
      discountApplication: {
        __typename: 'CartDiscountApplication',
        allocationMethod: 'ACROSS',
        targetSelection: 'ALL',
        targetType: 'LINE_ITEM',
        value: { __typename: 'PricingPercentageValue', percentage: discount.percentage },
      },
    })),
    appliedGiftCards: [],
    totalQuantity: lines.reduce((sum, { line }) => sum + line.quantity, 0),
    lines: (args: ConnectionArgs) => connection(lineObjects(), args),
    cost: costObject(subtotalCents, totalCents, currency),
    estimatedCost: costObject(subtotalCents, totalCents, currency),
  };
}

function costObject(subtotalCents: number, totalCents: number, currency: string) {
  return {
    __typename: 'CartCost',
    subtotalAmount: money(subtotalCents, currency),
    subtotalAmountEstimated: false,
    totalAmount: money(totalCents, currency),
    totalAmountEstimated: false,
    checkoutChargeAmount: money(totalCents, currency),
    totalTaxAmount: null,
    totalTaxAmountEstimated: false,
    totalDutyAmount: null,
    totalDutyAmountEstimated: false,
  };
}

function lineObject(context: StoreContext, line: LineRow, merchandise: Record<string, unknown>, unitCents: number, compareAt: string | null) {
  const currency = context.catalog.currency;
  const attributes = line.attributes.map((attribute) => ({ __typename: 'Attribute', ...attribute }));
  const total = money(unitCents * line.quantity, currency);
  return {
    __typename: 'CartLine',
    id: lineGid(line.id),
    quantity: line.quantity,
    attributes,
    attribute: ({ key }: { key: string }) => attributes.find((attribute) => attribute.key === key) ?? null,
    merchandise,
    cost: {
      __typename: 'CartLineCost',
      amountPerQuantity: money(unitCents, currency),
      compareAtAmountPerQuantity: compareAt ? money(toCents(compareAt), currency) : null,
      subtotalAmount: total,
      totalAmount: total,
    },
    estimatedCost: { __typename: 'CartLineEstimatedCost', amount: total, subtotalAmount: total, totalAmount: total, compareAtAmount: null },
    discountAllocations: [],
    sellingPlanAllocation: null,
    parentRelationship: null,
  };
}
