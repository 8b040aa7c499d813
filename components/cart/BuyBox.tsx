import { DeliveryEstimate } from '@/components/product/DeliveryEstimate';
import type { DeliveryCalendar } from '@/lib/content/policy-types';
import type { Money } from '@/lib/storefront/cart-view';
import type { StorefrontVariant } from '@/lib/storefront/product';
import { AddToCart } from './AddToCart';
import { ShippingNote } from './ShippingNote';
import type { CartPolicy } from './cart-policy';
import type { PendingLine } from './optimistic-cart';
import type { ReactNode } from 'react';

export interface SizeChoice {
  size: number;
  label: string;
  href: string;
  available: boolean;
  /** "$0.32 per softgel" at the price this size has on the purchase option shown; null without one. */
  unitPrice: string | null;
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
  /** "$0.29 per softgel" on this plan. */
  unitPrice: string | null;
  /** What the shopper agrees to, in sentences: price, interval, charges, renewal, cancelling. */
  terms: string[];
}

/** What a shopper asks in the last seconds before buying, answered under the price. */
export interface BuyBoxPromises {
  /** "$0.32 per softgel · $0.32 a day" at the price shown; null without Supplement Facts. */
  unitPrice: string | null;
  shipping: { policy: CartPolicy['shipping']; fallback: string };
  delivery: { calendar: DeliveryCalendar; fallback: { arrives: string; ships: string } };
  /** "30-day returns, opened bottles too; return shipping is free", and the page that says it all. */
  returns: { text: string; href: string };
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
  promises: BuyBoxPromises;
  /** "$0.32 per softgel" for the one-time price, beside the one-time choice. */
  oneTimeUnitPrice: string | null;
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
  promises,
  oneTimeUnitPrice,
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
            : 'In stock'}
      </p>
      {promises.unitPrice && (
        <p className="mt-1 text-sm text-ink-subtle tabular-nums" data-testid="unit-price">
          {promises.unitPrice}
        </p>
      )}

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
                {choice.unitPrice && (
                  <span className="block text-xs font-normal tabular-nums">{choice.unitPrice}</span>
                )}
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
          oneTimeUnitPrice={oneTimeUnitPrice}
        />
      )}

      <AddToCart
        line={pending}
        permalink={selectedPlan?.href ?? oneTimeHref}
        maxQuantity={maxQuantity}
        soldOut={soldOut}
      />

      <ul
        className="mt-4 space-y-2 border-t border-line pt-4 text-sm"
        aria-label="Delivery and returns"
      >
        <li className="flex gap-2">
          <span className="w-18 shrink-0 font-semibold">Shipping</span>
          <ShippingNote shipping={promises.shipping.policy} fallback={promises.shipping.fallback} />
        </li>
        <li className="flex gap-2">
          <span className="w-18 shrink-0 font-semibold">Delivery</span>
          <DeliveryEstimate
            calendar={promises.delivery.calendar}
            fallback={promises.delivery.fallback}
          />
        </li>
        <li className="flex gap-2">
          <span className="w-18 shrink-0 font-semibold">Returns</span>
          <span data-testid="return-promise">
            {promises.returns.text}.{' '}
            <a
              href={promises.returns.href}
              className="font-semibold text-brand underline underline-offset-2"
            >
              Shipping &amp; returns
            </a>
          </span>
        </li>
      </ul>

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
  oneTimeUnitPrice,
}: Pick<
  BuyBoxProps,
  'priceLabel' | 'subscriptions' | 'selectedPlan' | 'oneTimeHref' | 'oneTimeUnitPrice'
>) {
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
            {oneTimeUnitPrice && (
              <span className="block text-xs font-normal tabular-nums">{oneTimeUnitPrice}</span>
            )}
          </a>
          <a
            href={(selectedPlan ?? subscriptions[0]!).href}
            aria-current={selectedPlan ? 'true' : undefined}
            className={choiceClass(Boolean(selectedPlan))}
          >
            Subscribe &amp; save {best.percentOff}%
            {best.unitPrice && (
              <span className="block text-xs font-normal tabular-nums">{best.unitPrice}</span>
            )}
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
          <div
            className="mt-3 space-y-1 rounded-lg bg-paper-sunk p-3 text-sm text-ink-muted"
            data-testid="subscription-terms"
          >
            <p className="font-semibold text-ink">Subscription terms</p>
            {selectedPlan.terms.map((sentence) => (
              <p key={sentence}>{sentence}</p>
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}
