import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatMoney } from '@/components/cart/format-money';
import { getCart, storefrontConfig } from '@/lib/storefront';

export const metadata: Metadata = { title: 'Review your order', robots: { index: false, follow: false } };

/** The local store's checkout: review the cart and place the order. With Shopify, checkoutUrl goes to Shopify. */
export default async function CheckoutPage({ searchParams }: PageProps<'/checkout'>) {
  if (storefrontConfig().mode !== 'local') notFound();
  const { cart: token } = await searchParams;
  const cartId = typeof token === 'string' && token ? `gid://shopify/Cart/${token}` : null;
  const cart = cartId ? await getCart(cartId).catch(() => null) : null;

  return (
    <div className="mx-auto max-w-2xl px-gutter py-10">
      <p className="rounded-lg bg-accent-soft p-3 text-sm font-semibold text-accent" role="note">
        Local store checkout: a demonstration store. No payment is taken and nothing ships.
      </p>
      <h1 className="mt-6 font-serif text-3xl font-bold">Review your order</h1>
      {!cart || cart.lines.nodes.length === 0 ? (
        <p className="mt-6 text-ink-muted">
          This cart is empty or was already checked out. <a href="/cart" className="text-brand underline">Go to your cart</a>
        </p>
      ) : (
        <>
          <ul className="mt-6 divide-y divide-line border-y border-line" aria-label="Order items">
            {cart.lines.nodes.map((line) => (
              <li key={line.id} className="flex justify-between gap-4 py-3">
                <span>
                  {line.merchandise.product.title}, {line.merchandise.title} × {line.quantity}
                </span>
                <span className="tabular-nums">{formatMoney(line.cost.totalAmount)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-4 flex justify-between text-lg font-semibold">
            <span>Total</span>
            <span className="tabular-nums">{formatMoney(cart.cost.totalAmount)}</span>
          </p>
          <form method="post" action="/checkout/place" className="mt-6">
            <input type="hidden" name="cartId" value={cart.id} />
            <button type="submit" className="w-full rounded-full bg-brand px-6 py-3.5 font-semibold text-paper hover:bg-brand-strong">
              Place order
            </button>
          </form>
        </>
      )}
    </div>
  );
}
