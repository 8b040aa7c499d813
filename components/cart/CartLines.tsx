'use client';

import { CartCheckoutButton, useCart } from '@shopify/hydrogen-react';
import { useCartUI } from './CartUIProvider';
import { Money, multiply } from './Money';
import type { Money as MoneyData } from '@/lib/storefront/types';

interface LineView {
  id: string;
  quantity: number;
  unitPrice: MoneyData;
  title: string;
  variantTitle: string;
  handle: string;
  imageUrl: string | null;
  imageAlt: string;
}

/** Lines, subtotal and checkout, from CartProvider's cart with the shopper's pending quantities applied. */
export function CartLines() {
  const { lines, linesRemove, cost, status } = useCart();
  const { quantityOf, setQuantity, syncing } = useCartUI();
  const views = (lines ?? []).flatMap((line): LineView[] => {
    const merchandise = line?.merchandise;
    const unitPrice = line?.cost?.amountPerQuantity ?? merchandise?.price;
    if (!line?.id || !merchandise || !unitPrice?.amount || !unitPrice.currencyCode) return [];
    return [
      {
        id: line.id,
        quantity: quantityOf(line.id, line.quantity ?? 0),
        unitPrice: { amount: unitPrice.amount, currencyCode: unitPrice.currencyCode },
        title: merchandise.product?.title ?? '',
        variantTitle: merchandise.title ?? '',
        handle: merchandise.product?.handle ?? '',
        imageUrl: merchandise.image?.url ?? null,
        imageAlt: merchandise.image?.altText ?? '',
      },
    ];
  });

  if (views.length === 0) {
    return <p className="py-8 text-center text-ink-muted">{status === 'fetching' ? 'Loading your cart…' : 'Your cart is empty.'}</p>;
  }

  // While changes are on their way, the subtotal is computed from what the shopper sees; once the
  // store has confirmed them, it is the store's own figure.
  const serverSubtotal = cost?.subtotalAmount;
  const subtotal =
    syncing || !serverSubtotal?.amount || !serverSubtotal.currencyCode
      ? views.reduce<MoneyData>(
          (sum, view) => ({ amount: (Number(sum.amount) + Number(multiply(view.unitPrice, view.quantity).amount)).toFixed(2), currencyCode: view.unitPrice.currencyCode }),
          { amount: '0', currencyCode: views[0]!.unitPrice.currencyCode },
        )
      : { amount: serverSubtotal.amount, currencyCode: serverSubtotal.currencyCode };

  return (
    <div>
      <ul className="divide-y divide-line" aria-label="Items in your cart">
        {views.map((view) => (
          <li key={view.id} className="flex gap-4 py-4" data-testid="cart-line">
            {view.imageUrl && (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={view.imageUrl} alt="" width={72} height={72} className="size-18 shrink-0 rounded-lg bg-paper-sunk" />
            )}
            <div className="min-w-0 flex-1">
              <a href={`/products/${view.handle}`} className="font-semibold hover:text-brand">
                {view.title}
              </a>
              <p className="text-sm text-ink-subtle">{view.variantTitle}</p>
              <div className="mt-2 flex items-center justify-between gap-3">
                <QuantityStepper
                  label={`${view.title}, ${view.variantTitle}`}
                  quantity={view.quantity}
                  onChange={(quantity) => setQuantity(view.id, quantity)}
                />
                <Money data={multiply(view.unitPrice, view.quantity)} className="font-semibold" />
              </div>
              <button
                type="button"
                onClick={() => linesRemove([view.id])}
                className="mt-2 text-sm text-ink-subtle underline underline-offset-2 hover:text-danger"
              >
                Remove<span className="sr-only"> {view.title}, {view.variantTitle}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      <div className="border-t border-line pt-4">
        <div className="flex items-center justify-between text-lg font-semibold">
          <span>Subtotal</span>
          <Money data={subtotal} as="span" className="tabular-nums" />
        </div>
        <p className="mt-1 text-sm text-ink-subtle">Shipping and taxes are calculated at checkout.</p>
        <CartCheckoutButton
          disabled={syncing}
          className="mt-4 w-full rounded-full bg-brand px-6 py-3.5 font-semibold text-paper hover:bg-brand-strong disabled:cursor-wait disabled:opacity-70"
        >
          {syncing ? 'Updating cart…' : 'Check out'}
        </CartCheckoutButton>
      </div>
    </div>
  );
}

function QuantityStepper({ label, quantity, onChange }: { label: string; quantity: number; onChange: (quantity: number) => void }) {
  return (
    <div className="inline-flex items-center rounded-full border border-line-strong" role="group" aria-label={`Quantity of ${label}`}>
      <button type="button" onClick={() => onChange(quantity - 1)} disabled={quantity <= 1} className="grid size-10 place-items-center rounded-full text-lg disabled:opacity-40" aria-label="Decrease quantity">
        −
      </button>
      <output aria-live="polite" className="min-w-8 text-center tabular-nums" data-testid="line-quantity">
        {quantity}
      </output>
      <button type="button" onClick={() => onChange(quantity + 1)} disabled={quantity >= 99} className="grid size-10 place-items-center rounded-full text-lg disabled:opacity-40" aria-label="Increase quantity">
        +
      </button>
    </div>
  );
}
