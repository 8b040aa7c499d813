'use client';

import { AddToCartButton, ProductProvider } from '@shopify/hydrogen-react';
import Link from 'next/link';
import { useState } from 'react';
import type { ProductVariant, StorefrontProduct } from '@/lib/storefront/types';
import { CartProblem } from './CartProblem';
import { useCartUI } from './CartUIProvider';
import { Money } from './Money';
import { useHydrated } from './useHydrated';

export interface SizeChoice {
  size: number;
  label: string;
  href: string;
  available: boolean;
}

interface BuyBoxProps {
  product: StorefrontProduct;
  selected: ProductVariant;
  sizes: SizeChoice[];
  /** Where the form posts when JavaScript is off (or not loaded yet). */
  addToCartAction: string;
  safetyNote: string;
}

const buttonClass =
  'w-full rounded-full bg-brand px-6 py-3.5 text-base font-semibold text-paper hover:bg-brand-strong disabled:cursor-not-allowed disabled:opacity-60';

/**
 * Price, size, quantity and add to cart. It is a plain form first (works before and without
 * JavaScript) and becomes hydrogen-react's AddToCartButton once hydrated.
 */
export function BuyBox({ product, selected, sizes, addToCartAction, safetyNote }: BuyBoxProps) {
  const hydrated = useHydrated();
  const [quantity, setQuantity] = useState(1);
  const { beginAdd } = useCartUI();

  const stock = selected.quantityAvailable;
  const maxQuantity = Math.max(1, Math.min(99, stock ?? 99));
  const soldOut = !selected.availableForSale;

  return (
    <section aria-label="Buy" className="mt-6 rounded-card border border-line bg-paper-raised p-5">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Money data={selected.price} as="p" className="text-3xl font-bold tabular-nums" />
        {selected.compareAtPrice && (
          <p className="text-ink-subtle">
            <span className="sr-only">Regular price </span>
            <s>
              <Money data={selected.compareAtPrice} />
            </s>
            <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-sm font-semibold text-accent">
              Save {Math.round((1 - Number(selected.price.amount) / Number(selected.compareAtPrice.amount)) * 100)}%
            </span>
          </p>
        )}
      </div>
      <p className={`mt-1 text-sm font-medium ${soldOut ? 'text-danger' : 'text-brand'}`} data-testid="availability">
        {soldOut ? 'Sold out' : stock !== null && stock <= 10 ? `Only ${stock} left in stock` : 'In stock, ships in 1–2 business days'}
      </p>

      <fieldset className="mt-5">
        <legend className="text-sm font-semibold">Size</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {sizes.map((choice) => {
            const current = choice.size === sizeNumber(selected.title);
            return (
              <Link
                key={choice.size}
                href={choice.href}
                replace
                scroll={false}
                prefetch={false}
                aria-current={current ? 'true' : undefined}
                className={`rounded-full border px-4 py-2.5 text-sm font-semibold ${
                  current ? 'border-brand bg-brand text-paper' : 'border-line-strong hover:border-brand hover:text-brand'
                } ${choice.available ? '' : 'line-through opacity-70'}`}
              >
                {choice.label}
                {!choice.available && <span className="sr-only"> (sold out)</span>}
              </Link>
            );
          })}
        </div>
      </fieldset>

      <form method="post" action={addToCartAction} className="mt-5 flex flex-col gap-3 sm:flex-row sm:items-end">
        <input type="hidden" name="merchandiseId" value={selected.id} />
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
          {hydrated ? (
            <ProductProvider data={product as Parameters<typeof ProductProvider>[0]['data']} initialVariantId={selected.id}>
              <AddToCartButton
                type="button"
                variantId={selected.id}
                quantity={quantity}
                disabled={soldOut}
                onClick={() => beginAdd(quantity)}
                accessibleAddingToCartLabel="Adding to cart"
                className={buttonClass}
              >
                {soldOut ? 'Sold out' : 'Add to cart'}
              </AddToCartButton>
            </ProductProvider>
          ) : (
            <button type="submit" disabled={soldOut} className={buttonClass}>
              {soldOut ? 'Sold out' : 'Add to cart'}
            </button>
          )}
        </div>
      </form>

      <p className="mt-4 flex gap-2 rounded-lg bg-accent-soft p-3 text-sm text-ink" data-testid="safety-note">
        <span aria-hidden="true">⚠</span>
        <span>
          {safetyNote}{' '}
          <a href="#safety" className="font-semibold text-accent underline underline-offset-2">
            Read safety information
          </a>
        </span>
      </p>
      <CartProblem />
    </section>
  );
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.min(max, Math.round(value))) : 1;
}

function sizeNumber(title: string): number | undefined {
  const match = /^(\d+)/.exec(title);
  return match ? Number(match[1]) : undefined;
}
