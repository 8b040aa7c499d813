import { notFound } from 'next/navigation';
import { readCartId } from '@/components/cart/cart-cookie';
import { formatMoney } from '@/components/cart/format-money';
import { getCart, localCheckoutEnabled, storefrontConfig, toCartView } from '@/lib/storefront';
import { placeOrder } from './actions';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Review your order',
  robots: { index: false, follow: false },
};

/** The local store's checkout: review the cart in the cookie and place the order. Shopify has its own. */
export default async function CheckoutPage() {
  if (storefrontConfig().mode !== 'local') notFound();
  const enabled = localCheckoutEnabled();
  const cartId = await readCartId();
  const found = enabled && cartId ? await getCart(cartId).catch(() => null) : null;
  const cart = found ? toCartView(found) : null;

  return (
    <div className="mx-auto max-w-2xl px-gutter py-10">
      <p className="rounded-lg bg-accent-soft p-3 text-sm font-semibold text-accent" role="note">
        Local store checkout: a demonstration store. No payment is taken and nothing ships.
      </p>
      <h1 className="mt-6 font-serif text-3xl font-bold">Review your order</h1>
      {!enabled ? (
        <p className="mt-6 text-ink-muted">Checkout is turned off on this demonstration server.</p>
      ) : !cart || cart.lines.length === 0 ? (
        <p className="mt-6 text-ink-muted">
          This cart is empty or was already checked out.{' '}
          <a href="/cart" className="text-brand underline">
            Go to your cart
          </a>
        </p>
      ) : (
        <>
          <ul className="mt-6 divide-y divide-line border-y border-line" aria-label="Order items">
            {cart.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-4 py-3">
                <span>
                  {line.productTitle}, {line.variantTitle} × {line.quantity}
                  {line.sellingPlan && (
                    <span className="block text-sm text-brand">{line.sellingPlan.name}</span>
                  )}
                </span>
                <span className="tabular-nums">{formatMoney(line.totalPrice)}</span>
              </li>
            ))}
          </ul>
          {Number(cart.discount.amount) > 0 && (
            <p className="mt-4 flex justify-between text-brand">
              <span>
                Discount (
                {cart.discountCodes
                  .filter((code) => code.applicable)
                  .map((code) => code.code)
                  .join(', ')}
                )
              </span>
              <span className="tabular-nums">−{formatMoney(cart.discount)}</span>
            </p>
          )}
          <p className="mt-4 flex justify-between text-lg font-semibold">
            <span>Total</span>
            <span className="tabular-nums">{formatMoney(cart.total)}</span>
          </p>
          <form action={placeOrder} className="mt-6">
            <button
              type="submit"
              className="w-full rounded-full bg-brand px-6 py-3.5 font-semibold text-paper hover:bg-brand-strong"
            >
              Place order
            </button>
          </form>
        </>
      )}
    </div>
  );
}
