'use client';

import { useId } from 'react';
import { useFormStatus } from 'react-dom';
import type { CartView } from '@/lib/storefront/cart-view';
import { applyDiscount, removeDiscount } from './actions';
import { CartForm } from './CartForm';
import { useCart } from './CartProvider';

/** The discount code field and the codes on the cart: forms posting to the cart's Server Actions. */
export function CartDiscounts({ cart }: { cart: CartView }) {
  const { refusals } = useCart();
  const inputId = useId();
  const refusal = refusals.find((item) => item.discountCode !== undefined);

  return (
    <div className="mt-4">
      <CartForm action={applyDiscount} className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor={inputId} className="block text-sm font-semibold">
            Discount code
          </label>
          <input
            id={inputId}
            name="code"
            required
            maxLength={64}
            pattern="[A-Za-z0-9_\-]+"
            autoComplete="off"
            autoCapitalize="characters"
            aria-describedby={refusal ? `${inputId}-error` : undefined}
            className="mt-1 h-11 w-full rounded-full border border-line-strong bg-paper px-4 uppercase"
          />
        </div>
        <ApplyButton />
      </CartForm>
      {refusal && (
        <p id={`${inputId}-error`} role="alert" className="mt-2 text-sm text-danger">
          {refusal.message}
        </p>
      )}
      {cart.discountCodes.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label="Discount codes on your cart">
          {cart.discountCodes.map((discount) => (
            <li key={discount.code}>
              <CartForm
                action={removeDiscount}
                className="inline-flex items-center gap-1 rounded-full bg-brand-soft px-3 py-1 text-sm"
              >
                <input type="hidden" name="code" value={discount.code} />
                <span className="font-semibold">{discount.code}</span>
                {!discount.applicable && <span className="text-danger">(does not apply)</span>}
                <button type="submit" className="ml-1 underline underline-offset-2">
                  Remove<span className="sr-only"> discount code {discount.code}</span>
                </button>
              </CartForm>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ApplyButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="h-11 rounded-full border border-line-strong px-5 text-sm font-semibold hover:border-brand disabled:opacity-60"
    >
      {pending ? 'Applying…' : 'Apply'}
    </button>
  );
}
