import type { Cart } from '@/lib/storefront/types';
import { CartLines } from './CartLines';
import { EnhancedCart } from './EnhancedCart';
import { formatMoney } from './format-money';

interface CartPageViewProps {
  cart: Cart | null;
  flash: { message: string; tone: 'success' | 'error' } | null;
  problem: string | null;
  /** Where the no-JavaScript forms post to. */
  updateAction: string;
  removeAction: string;
}

/**
 * The cart as plain forms (no JavaScript needed). Once JavaScript runs, EnhancedCart swaps in the live
 * CartProvider view of the same cart.
 */
export function CartPageView({ cart, flash, problem, updateAction, removeAction }: CartPageViewProps) {
  const lines = cart?.lines.nodes ?? [];
  const serverView = (
    <>
      {lines.length === 0 ? (
        <p className="py-8 text-ink-muted">Your cart is empty.</p>
      ) : (
        <>
          <ul className="divide-y divide-line" aria-label="Items in your cart">
            {lines.map((line) => (
              <li key={line.id} className="flex flex-wrap items-center gap-4 py-4" data-testid="cart-line">
                {line.merchandise.image && (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={line.merchandise.image.url} alt="" width={72} height={72} className="size-18 rounded-lg bg-paper-sunk" />
                )}
                <div className="min-w-40 flex-1">
                  <a href={`/products/${line.merchandise.product.handle}`} className="font-semibold hover:text-brand">
                    {line.merchandise.product.title}
                  </a>
                  <p className="text-sm text-ink-subtle">{line.merchandise.title}</p>
                  <p className="text-sm">{formatMoney(line.cost.totalAmount)}</p>
                </div>
                <form method="post" action={updateAction} className="flex items-end gap-2">
                  <input type="hidden" name="lineId" value={line.id} />
                  <label className="text-sm">
                    <span className="block font-semibold">Quantity</span>
                    <input
                      name="quantity"
                      type="number"
                      min={0}
                      max={99}
                      defaultValue={line.quantity}
                      className="mt-1 h-11 w-20 rounded-full border border-line-strong bg-paper px-3 text-center"
                      aria-label={`Quantity of ${line.merchandise.product.title}, ${line.merchandise.title}`}
                    />
                  </label>
                  <button type="submit" className="h-11 rounded-full border border-line-strong px-4 text-sm font-semibold hover:border-brand">
                    Update
                  </button>
                </form>
                <form method="post" action={removeAction}>
                  <input type="hidden" name="lineId" value={line.id} />
                  <button type="submit" className="h-11 px-2 text-sm text-ink-subtle underline underline-offset-2 hover:text-danger">
                    Remove<span className="sr-only"> {line.merchandise.product.title}, {line.merchandise.title}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <div className="border-t border-line pt-4">
            <p className="flex justify-between text-lg font-semibold">
              <span>Subtotal</span>
              <span data-testid="cart-subtotal">{formatMoney(cart!.cost.subtotalAmount)}</span>
            </p>
            <a href={cart!.checkoutUrl} className="mt-4 block rounded-full bg-brand px-6 py-3.5 text-center font-semibold text-paper hover:bg-brand-strong">
              Check out
            </a>
          </div>
        </>
      )}
    </>
  );

  return (
    <div className="mx-auto max-w-2xl px-gutter py-10">
      <h1 className="font-serif text-3xl font-bold">Your cart</h1>
      {flash && (
        <p role={flash.tone === 'error' ? 'alert' : 'status'} className={`mt-4 rounded-lg p-3 text-sm ${flash.tone === 'error' ? 'bg-danger-soft text-danger' : 'bg-brand-soft text-brand-strong'}`}>
          {flash.message}
        </p>
      )}
      {problem && (
        <div role="alert" className="mt-4 rounded-lg bg-danger-soft p-3 text-sm text-danger">
          <p>{problem}</p>
          <a href="/cart" className="mt-1 inline-block font-semibold underline">
            Try again
          </a>
        </div>
      )}
      <EnhancedCart fallback={serverView} hasServerCart={cart !== null}>
        <CartLines />
      </EnhancedCart>
    </div>
  );
}
