import { flattenConnection } from '@shopify/hydrogen-react';
import type { CartFieldsFragment, MoneyFragment } from './storefrontapi.generated';

/** A price as the Storefront API states it: a decimal string and a currency code. */
export type Money = MoneyFragment;

type CartLine = CartFieldsFragment['lines']['nodes'][number];

/**
 * The cart as the browser gets it: plain data with nothing secret (no cart id), shaped for rendering.
 * Client components receive this, never the Storefront API answer itself.
 */
export interface CartLineView {
  id: string;
  merchandiseId: string;
  quantity: number;
  productTitle: string;
  productHandle: string;
  variantTitle: string;
  image: Pick<NonNullable<CartLine['merchandise']['image']>, 'url' | 'altText'> | null;
  unitPrice: Money;
  totalPrice: Money;
  /** Null when the store does not track stock for this variant. */
  quantityAvailable: number | null;
  /** The subscription the line is bought on (e.g. "Delivers every 30 days, 10% off"); null for one-time. */
  sellingPlan: { id: string; name: string } | null;
  /** The plans this line can be moved to; empty when its product has none. */
  planChoices: Array<{ id: string; name: string }>;
}

export interface CartView {
  totalQuantity: number;
  subtotal: Money;
  /** What discount codes take off, summed; zero without one. */
  discount: Money;
  total: Money;
  /** Codes on the cart; `applicable` false when the store keeps one that does not apply. */
  discountCodes: Array<{ code: string; applicable: boolean }>;
  checkoutUrl: string;
  lines: CartLineView[];
}

export function toCartView(cart: CartFieldsFragment): CartView {
  return {
    totalQuantity: cart.totalQuantity,
    subtotal: cart.cost.subtotalAmount,
    discount: sumMoney(
      cart.discountAllocations.map((allocation) => allocation.discountedAmount),
      cart.cost.subtotalAmount.currencyCode,
    ),
    total: cart.cost.totalAmount,
    discountCodes: cart.discountCodes.map(({ code, applicable }) => ({ code, applicable })),
    checkoutUrl: cart.checkoutUrl,
    lines: flattenConnection(cart.lines).map(toLineView),
  };
}

function sumMoney(amounts: Money[], currencyCode: Money['currencyCode']): Money {
  const cents = amounts.reduce((sum, money) => sum + Math.round(Number(money.amount) * 100), 0);
  return { amount: (cents / 100).toFixed(2), currencyCode };
}

const plan = ({ id, name }: { id: string; name: string }) => ({ id, name });

function toLineView(line: CartLine): CartLineView {
  const { merchandise, sellingPlanAllocation: allocation } = line;
  const { image } = merchandise;
  return {
    id: line.id,
    merchandiseId: merchandise.id,
    quantity: line.quantity,
    productTitle: merchandise.product.title,
    productHandle: merchandise.product.handle,
    variantTitle: merchandise.title,
    image: image ? { url: image.url, altText: image.altText } : null,
    unitPrice: line.cost.amountPerQuantity,
    totalPrice: line.cost.totalAmount,
    quantityAvailable: merchandise.quantityAvailable ?? null,
    planChoices: merchandise.sellingPlanAllocations.nodes.map(({ sellingPlan }) =>
      plan(sellingPlan),
    ),
    sellingPlan: allocation ? plan(allocation.sellingPlan) : null,
  };
}
