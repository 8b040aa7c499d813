'use client';

import { useState } from 'react';
import { addToCart } from './actions';
import { CartAlert } from './CartAlert';
import { CartForm } from './CartForm';
import { useCart } from './CartProvider';
import type { PendingLine } from './optimistic-cart';

interface AddToCartProps {
  /** The line the cart shows until the store answers: the selected size, on the selected plan. */
  line: PendingLine;
  /** This page, which a post before hydration goes to. */
  permalink: string;
  maxQuantity: number;
  soldOut: boolean;
}

/** The buy box's quantity and add-to-cart button, with the store's answer when it refuses. */
export function AddToCart({ line, permalink, maxQuantity, soldOut }: AddToCartProps) {
  const { openDrawer, refusals, problem } = useCart();
  const [quantity, setQuantity] = useState(1);
  const refusal = refusals.find(
    (item) => item.merchandiseId === line.merchandiseId && !item.lineId,
  );

  return (
    <>
      <CartForm
        action={addToCart}
        permalink={permalink}
        edit={(formData) => ({
          type: 'add',
          line,
          quantity: Number(formData.get('quantity')) || 1,
        })}
        onSubmit={openDrawer}
        className="mt-5 flex flex-col gap-3 sm:flex-row sm:items-end"
      >
        <input type="hidden" name="merchandiseId" value={line.merchandiseId} />
        {line.sellingPlan && (
          <input type="hidden" name="sellingPlanId" value={line.sellingPlan.id} />
        )}
        <div>
          <label htmlFor="buy-quantity" className="block text-sm font-semibold">
            Quantity
          </label>
          <input
            id="buy-quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxQuantity}
            value={quantity}
            onChange={(event) => setQuantity(clamp(Number(event.target.value), maxQuantity))}
            className="mt-1 h-12 w-24 rounded-full border border-line-strong bg-paper px-4 text-center tabular-nums"
          />
        </div>
        <div className="flex-1">
          {/* Its full height before its label is parsed: a first paint in between moves nothing. */}
          <button
            type="submit"
            disabled={soldOut}
            className="min-h-13 w-full rounded-full bg-brand px-6 py-3.5 text-base font-semibold text-paper hover:bg-brand-strong disabled:cursor-not-allowed disabled:opacity-60"
          >
            {soldOut ? 'Sold out' : 'Add to cart'}
          </button>
        </div>
      </CartForm>
      {refusal && <CartAlert message={refusal.message} />}
      {problem && <CartAlert message={problem.message} retry={problem.retry} />}
    </>
  );
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.min(max, Math.round(value))) : 1;
}
