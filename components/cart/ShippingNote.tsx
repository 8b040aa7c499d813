'use client';

import { fromCents, toCents } from '@/lib/commerce/money';
import { quoteShipping } from '@/lib/commerce/shipping';
import { useCart } from './CartProvider';
import { formatMoney } from './format-money';
import type { CartPolicy } from './cart-policy';

/**
 * Shipping at the buy box: the threshold as the server rendered it, then, once the shopper's cart
 * has loaded with something in it, what that cart still needs to ship free (or that it does).
 */
export function ShippingNote({
  shipping,
  fallback,
}: {
  shipping: CartPolicy['shipping'];
  /** "Free shipping on orders of $35.00 or more; $4.95 below that", formatted on the server. */
  fallback: string;
}) {
  const { cart } = useCart();
  if (!cart || cart.lines.length === 0) return <span data-testid="shipping-note">{fallback}</span>;
  const quote = quoteShipping(
    shipping,
    toCents(cart.subtotal.amount) - toCents(cart.discount.amount),
  );
  const money = (cents: number) =>
    formatMoney({ amount: fromCents(cents), currencyCode: cart.subtotal.currencyCode });
  return (
    <span data-testid="shipping-note">
      {quote.costCents === 0
        ? 'Your cart ships free'
        : quote.toFreeCents !== null
          ? `Your cart is ${money(quote.toFreeCents)} away from free shipping`
          : `Shipping ${money(quote.costCents)} per order`}
    </span>
  );
}
