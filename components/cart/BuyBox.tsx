import type { Money } from '@/lib/storefront/cart-view';
import type { StorefrontVariant } from '@/lib/storefront/product';
import { AddToCart } from './AddToCart';
import type { PendingLine } from './optimistic-cart';
import type { ReactNode } from 'react';

export interface SizeChoice {
  size: number;
  label: string;
  href: string;
  available: boolean;
}

/** A selling plan for the selected size, as the store prices it, with the page that preselects it. */
export interface SubscriptionChoice {
  id: string;
  name: string;
  intervalDays: number;
  percentOff: number;
  price: Money;
  /** `price` as the shopper reads it, formatted on the server (see BuyBoxProps.priceLabel). */
  priceLabel: string;
  href: string;
}

interface BuyBoxProps {
  productTitle: string;
  productHandle: string;
  selected: StorefrontVariant;
  /**
   * The selected size's price and compare-at price as the shopper reads them, formatted on the server.
   * The first Intl.NumberFormat a page makes loads the browser's currency data on the main thread, in
   * the middle of hydration. The buy box only shows prices, so it needs none of that.
   */
  priceLabel: string;
  compareAtPriceLabel: string | null;
  sizes: SizeChoice[];
  /** Empty when the product has no selling plans: then there is no subscription choice. */
  subscriptions: SubscriptionChoice[];
  /** The plan in the URL (`?plan=30`), or null for a one-time purchase (the default). */
  selectedPlan: SubscriptionChoice | null;
  /** This size's page without a plan. */
  oneTimeHref: string;
  /** The product's caution (components/product/SafetyNote), or nothing when it has none. */
  safetyNote: ReactNode;
}

const MAX_PER_ADD = 99;

/**
 * Price, availability, size and plan as server-rendered text and links, around the one client leaf:
 * the add-to-cart form, which posts as plain HTML before and without JavaScript and, once hydrated,
 * shows the line at once.
 */
export function BuyBox({
  productTitle,
  productHandle,
  selected,
  priceLabel,
  compareAtPriceLabel,
  sizes,
  subscriptions,
  selectedPlan,
  oneTimeHref,
  safetyNote,
}: BuyBoxProps) {
  const stock = selected.quantityAvailable ?? null;
  const maxQuantity = Math.max(1, Math.min(MAX_PER_ADD, stock ?? MAX_PER_ADD));
  const soldOut = !selected.availableForSale;
  const pending: PendingLine = {
    merchandiseId: selected.id,
    productTitle,
    productHandle,
    variantTitle: selected.title,
    image: selected.image ? { url: selected.image.url, altText: selected.image.altText } : null,
    unitPrice: selectedPlan?.price ?? selected.price,
    quantityAvailable: stock,
    sellingPlan: selectedPlan ? { id: selectedPlan.id, name: selectedPlan.name } : null,
    planChoices: subscriptions.map((plan) => ({ id: plan.id, name: plan.name })),
  };

  return (
    <section aria-label="Buy" className="mt-6 rounded-card border border-line bg-paper-raised p-5">
      {selectedPlan ? (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="text-3xl font-bold tabular-nums">
            {selectedPlan.priceLabel}
            <span className="text-base font-semibold text-ink-subtle"> per delivery</span>
          </p>
          <p className="text-ink-subtle">
            <span className="sr-only">One-time price </span>
            <s>{priceLabel}</s>
            <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-sm font-semibold text-accent">
              Save {selectedPlan.percentOff}%
            </span>
          </p>
        </div>
      ) : (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="text-3xl font-bold tabular-nums">{priceLabel}</p>
          {selected.compareAtPrice && compareAtPriceLabel && (
            <p className="text-ink-subtle">
              <span className="sr-only">Regular price </span>
              <s>{compareAtPriceLabel}</s>
              <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-sm font-semibold text-accent">
                Save{' '}
                {Math.round(
                  (1 - Number(selected.price.amount) / Number(selected.compareAtPrice.amount)) *
                    100,
                )}
                %
              </span>
            </p>
          )}
        </div>
      )}
      <p
        className={`mt-1 text-sm font-medium ${soldOut ? 'text-danger' : 'text-brand'}`}
        data-testid="availability"
      >
        {soldOut
          ? 'Sold out'
          : stock !== null && stock <= 10
            ? `Only ${stock} left in stock`
            : 'In stock, ships in 1–2 business days'}
      </p>

      <fieldset className="mt-5">
        <legend className="text-sm font-semibold">Size</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {sizes.map((choice) => {
            const current = choice.label === selected.title;
            return (
              // Each size is its own static page: a plain link loads it (with or without JavaScript) and
              // keeps next/link's router code out of the page.
              <a
                key={choice.size}
                href={choice.href}
                aria-current={current ? 'true' : undefined}
                className={`rounded-full border px-4 py-2.5 text-sm font-semibold ${
                  current
                    ? 'border-brand bg-brand text-paper'
                    : 'border-line-strong hover:border-brand hover:text-brand'
                } ${choice.available ? '' : 'line-through opacity-70'}`}
              >
                {choice.label}
                {!choice.available && <span className="sr-only"> (sold out)</span>}
              </a>
            );
          })}
        </div>
      </fieldset>

      {subscriptions.length > 0 && (
        <PurchaseOptions
          priceLabel={priceLabel}
          subscriptions={subscriptions}
          selectedPlan={selectedPlan}
          oneTimeHref={oneTimeHref}
        />
      )}

      <AddToCart
        line={pending}
        permalink={selectedPlan?.href ?? oneTimeHref}
        maxQuantity={maxQuantity}
        soldOut={soldOut}
      />

      {safetyNote}
    </section>
  );
}

const choiceClass = (current: boolean) =>
  `rounded-full border px-4 py-2.5 text-sm font-semibold ${current ? 'border-brand bg-brand text-paper' : 'border-line-strong hover:border-brand hover:text-brand'}`;

/**
 * One-time or subscribe & save, then how often: links to the pages that preselect each, like the
 * sizes, so a choice works without JavaScript and can be shared as a link.
 */
function PurchaseOptions({
  priceLabel,
  subscriptions,
  selectedPlan,
  oneTimeHref,
}: Pick<BuyBoxProps, 'priceLabel' | 'subscriptions' | 'selectedPlan' | 'oneTimeHref'>) {
  const best = subscriptions.reduce((top, plan) => (plan.percentOff > top.percentOff ? plan : top));
  return (
    <>
      <fieldset className="mt-5">
        <legend className="text-sm font-semibold">Purchase</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          <a
            href={oneTimeHref}
            aria-current={selectedPlan ? undefined : 'true'}
            className={choiceClass(!selectedPlan)}
          >
            One-time purchase · {priceLabel}
          </a>
          <a
            href={(selectedPlan ?? subscriptions[0]!).href}
            aria-current={selectedPlan ? 'true' : undefined}
            className={choiceClass(Boolean(selectedPlan))}
          >
            Subscribe &amp; save {best.percentOff}%
          </a>
        </div>
      </fieldset>
      {selectedPlan && (
        <fieldset className="mt-4">
          <legend className="text-sm font-semibold">Deliver every</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {subscriptions.map((plan) => (
              <a
                key={plan.id}
                href={plan.href}
                aria-current={plan.id === selectedPlan.id ? 'true' : undefined}
                className={choiceClass(plan.id === selectedPlan.id)}
              >
                {plan.intervalDays} days
                <span className="sr-only">, {plan.name}</span>
              </a>
            ))}
          </div>
          <p className="mt-2 text-sm text-ink-subtle">
            {selectedPlan.name}. You can change or remove the plan in your cart.
          </p>
        </fieldset>
      )}
    </>
  );
}
