import type { CartLineView, CartView, Money } from '@/lib/storefront/cart-view';

/** A line the shopper just asked for, shown before the store has answered. */
export type PendingLine = Omit<CartLineView, 'id' | 'quantity' | 'totalPrice'>;

export type CartEdit =
  | { type: 'add'; line: PendingLine; quantity: number }
  | { type: 'quantity'; lineId: string; quantity: number }
  | { type: 'remove'; lineId: string };

/** Lines not yet created by the store carry this id prefix; they have no forms until they are real. */
export const PENDING_LINE_PREFIX = 'pending:';

/** The cart as it will look once the store accepts `edit`; the store's answer then replaces it. */
export function applyEdit(cart: CartView | null | undefined, edit: CartEdit): CartView {
  const base: CartView = cart ?? {
    totalQuantity: 0,
    subtotal: zero(currencyOf(edit)),
    discount: zero(currencyOf(edit)),
    total: zero(currencyOf(edit)),
    discountCodes: [],
    checkoutUrl: '',
    lines: [],
  };
  let lines = base.lines;
  if (edit.type === 'add') {
    // One line per variant and plan: the same size one-time and on a plan are two lines, as in the store.
    const existing = lines.find(
      (line) =>
        line.merchandiseId === edit.line.merchandiseId &&
        line.sellingPlan?.id === edit.line.sellingPlan?.id,
    );
    lines = existing
      ? lines.map((line) =>
          line === existing ? withQuantity(line, line.quantity + edit.quantity) : line,
        )
      : [
          ...lines,
          withQuantity(
            {
              ...edit.line,
              id: `${PENDING_LINE_PREFIX}${edit.line.merchandiseId}:${edit.line.sellingPlan?.id ?? ''}`,
              quantity: 0,
              totalPrice: edit.line.unitPrice,
            },
            edit.quantity,
          ),
        ];
  } else if (edit.type === 'quantity' && edit.quantity > 0) {
    lines = lines.map((line) =>
      line.id === edit.lineId ? withQuantity(line, edit.quantity) : line,
    );
  } else {
    lines = lines.filter((line) => line.id !== edit.lineId);
  }
  const currency = lines[0]?.unitPrice.currencyCode ?? base.subtotal.currencyCode;
  const subtotalCents = lines.reduce((sum, line) => sum + cents(line.totalPrice), 0);
  return {
    ...base,
    lines,
    totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: fromCents(subtotalCents, currency),
    // Discounts are the store's to compute: until it answers, the last known discount stands.
    total: fromCents(Math.max(0, subtotalCents - cents(base.discount)), currency),
  };
}

function withQuantity(line: CartLineView, quantity: number): CartLineView {
  return {
    ...line,
    quantity,
    totalPrice: fromCents(cents(line.unitPrice) * quantity, line.unitPrice.currencyCode),
  };
}

function currencyOf(edit: CartEdit): Money['currencyCode'] {
  return edit.type === 'add' ? edit.line.unitPrice.currencyCode : 'USD';
}

const cents = (money: Money) => Math.round(Number(money.amount) * 100);
const fromCents = (value: number, currencyCode: Money['currencyCode']): Money => ({
  amount: (value / 100).toFixed(2),
  currencyCode,
});
const zero = (currencyCode: Money['currencyCode']): Money => ({ amount: '0.00', currencyCode });
