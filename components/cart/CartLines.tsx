'use client';

import { trackCartEvent } from '@/lib/analytics/events';
import { fromCents, toCents } from '@/lib/commerce/money';
import { quoteShipping } from '@/lib/commerce/shipping';
import type { CartLineView, CartView, Money } from '@/lib/storefront/cart-view';
import { changePlan, changeQuantity, removeItem, type CartRefusal } from './actions';
import { CartAlert } from './CartAlert';
import { CartDiscounts } from './CartDiscounts';
import { CartForm } from './CartForm';
import { useCart } from './CartProvider';
import { formatMoney } from './format-money';
import { PENDING_LINE_PREFIX } from './optimistic-cart';
import type { CartPolicy } from './cart-policy';

const MAX_QUANTITY = 99;

/**
 * The cart's lines, subtotal and checkout, as forms posting to the cart's Server Actions: the drawer
 * and /cart render this same component, with or without JavaScript.
 */
export function CartLines({
  cart,
  policy,
  refusals: given,
}: {
  cart: CartView | null | undefined;
  policy: CartPolicy;
  /** What to show by the lines instead of the live refusals (the server's rendering of /cart). */
  refusals?: CartRefusal[];
}) {
  const live = useCart();
  const { problem, saving } = live;
  const refusals = given ?? live.refusals;
  const lines = cart?.lines ?? [];
  if (cart === undefined)
    return <p className="py-8 text-center text-ink-muted">Loading your cart…</p>;
  return (
    <div>
      {problem && <CartAlert message={problem.message} retry={problem.retry} />}
      {refusals
        .filter(
          (refusal) =>
            refusal.merchandiseId &&
            !lines.some((line) => line.merchandiseId === refusal.merchandiseId),
        )
        .map((refusal) => (
          <CartAlert key={refusal.merchandiseId} message={refusal.message} />
        ))}
      {lines.length === 0 ? (
        <p className="py-8 text-center text-ink-muted">Your cart is empty.</p>
      ) : (
        <>
          <ul className="divide-y divide-line" aria-label="Items in your cart">
            {lines.map((line) => (
              <CartLineItem
                key={line.id}
                line={line}
                policy={policy}
                refusal={
                  refusals.find(
                    (refusal) =>
                      refusal.lineId === line.id || refusal.merchandiseId === line.merchandiseId,
                  )?.message
                }
              />
            ))}
          </ul>
          <div className="border-t border-line pt-4">
            <TotalRow label="Subtotal" amount={cart!.subtotal} testId="cart-subtotal" strong />
            {Number(cart!.discount.amount) > 0 && (
              <>
                <TotalRow
                  label="Discount"
                  amount={cart!.discount}
                  testId="cart-discount"
                  negative
                />
                <TotalRow label="Total" amount={cart!.total} testId="cart-total" strong />
              </>
            )}
            <ShippingProgress cart={cart!} policy={policy} />
            <p className="mt-1 text-sm text-ink-subtle">Taxes are calculated at checkout.</p>
            <CartDiscounts cart={cart!} />
            {/* Checking out while a change is on its way would check out the cart without it. */}
            {cart!.checkoutUrl && !saving ? (
              <a
                href={cart!.checkoutUrl}
                onClick={() => trackCartEvent({ type: 'checkout', cart: cart! })}
                className="mt-4 block rounded-full bg-brand px-6 py-3.5 text-center font-semibold text-paper hover:bg-brand-strong"
              >
                Check out
              </a>
            ) : (
              <p
                className="mt-4 rounded-full bg-brand/70 px-6 py-3.5 text-center font-semibold text-paper"
                aria-live="polite"
              >
                Updating cart…
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function TotalRow({
  label,
  amount,
  testId,
  strong,
  negative,
}: {
  label: string;
  amount: Money;
  testId: string;
  strong?: boolean;
  negative?: boolean;
}) {
  return (
    <p
      className={`mt-1 flex items-center justify-between first:mt-0 ${strong ? 'text-lg font-semibold' : ''} ${negative ? 'text-brand' : ''}`}
    >
      <span>{label}</span>
      <span className="tabular-nums" data-testid={testId}>
        {negative ? '−' : ''}
        {formatMoney(amount)}
      </span>
    </p>
  );
}

/** Shipping for the cart as it stands (after discount codes), against the free-shipping threshold. */
function ShippingProgress({ cart, policy }: { cart: CartView; policy: CartPolicy }) {
  const money = (cents: number) =>
    formatMoney({ amount: fromCents(cents), currencyCode: cart.subtotal.currencyCode });
  const quote = quoteShipping(
    policy.shipping,
    toCents(cart.subtotal.amount) - toCents(cart.discount.amount),
  );
  return (
    <div className="mt-3 text-sm" data-testid="shipping-progress">
      <p>
        {quote.costCents === 0 ? (
          <strong className="text-brand">Your order ships free.</strong>
        ) : quote.toFreeCents !== null ? (
          <>
            Add <strong>{money(quote.toFreeCents)}</strong> for free shipping; until then shipping
            is {money(quote.costCents)}.
          </>
        ) : (
          <>Shipping is {money(quote.costCents)}.</>
        )}
      </p>
      {quote.freeOverCents !== null && (
        <progress
          className="mt-1.5 h-2 w-full accent-brand"
          max={quote.freeOverCents}
          value={Math.min(quote.freeOverCents, quote.freeOverCents * quote.progress)}
          aria-label={`Towards free shipping at ${money(quote.freeOverCents)}`}
        />
      )}
    </div>
  );
}

/** On a subscription line: what renews and how to stop it, with the whole terms a click away. */
function SubscriptionTermsNote({ line, policy }: { line: CartLineView; policy: CartPolicy }) {
  return (
    <div className="mt-1 text-xs text-ink-subtle" data-testid="line-terms">
      <p>
        {formatMoney(line.unitPrice)} each, every delivery. {policy.subscriptions.renewal}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer underline underline-offset-2">
          Subscription terms
        </summary>
        <p className="mt-1">{policy.subscriptions.charged}</p>
        <p className="mt-1">{policy.subscriptions.cancel}</p>
        <a href={`${policy.href}#subscriptions`} className="mt-1 inline-block underline">
          All terms
        </a>
      </details>
    </div>
  );
}

function CartLineItem({
  line,
  policy,
  refusal,
}: {
  line: CartLineView;
  policy: CartPolicy;
  refusal: string | undefined;
}) {
  const label = `${line.productTitle}, ${line.variantTitle}`;
  // A line the store has not created yet has no id to send: its buttons wait for the store's answer.
  const pending = line.id.startsWith(PENDING_LINE_PREFIX);
  const maxQuantity = Math.min(MAX_QUANTITY, line.quantityAvailable ?? MAX_QUANTITY);

  return (
    <li className="flex gap-4 py-4" data-testid="cart-line">
      {line.image && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={line.image.url}
          alt=""
          width={72}
          height={72}
          className="size-18 shrink-0 rounded-lg bg-paper-sunk"
        />
      )}
      <div className="min-w-0 flex-1">
        <a href={`/products/${line.productHandle}`} className="font-semibold hover:text-brand">
          {line.productTitle}
        </a>
        <p className="text-sm text-ink-subtle">{line.variantTitle}</p>
        {line.sellingPlan && (
          <>
            <p className="text-sm font-medium text-brand" data-testid="line-plan">
              {line.sellingPlan.name}
            </p>
            <SubscriptionTermsNote line={line} policy={policy} />
          </>
        )}
        <div className="mt-2 flex items-center justify-between gap-3">
          <CartForm
            action={changeQuantity}
            edit={(formData) => ({
              type: 'quantity',
              lineId: line.id,
              quantity: Number(formData.get('quantity')),
            })}
            className="inline-flex items-center rounded-full border border-line-strong"
            role="group"
            aria-label={`Quantity of ${label}`}
          >
            <input type="hidden" name="lineId" value={line.id} />
            <button
              type="submit"
              name="quantity"
              value={line.quantity - 1}
              disabled={pending || line.quantity <= 1}
              className="grid size-10 place-items-center rounded-full text-lg disabled:opacity-40"
              aria-label="Decrease quantity"
            >
              −
            </button>
            <output
              aria-live="polite"
              className="min-w-8 text-center tabular-nums"
              data-testid="line-quantity"
            >
              {line.quantity}
            </output>
            <button
              type="submit"
              name="quantity"
              value={line.quantity + 1}
              disabled={pending || line.quantity >= maxQuantity}
              className="grid size-10 place-items-center rounded-full text-lg disabled:opacity-40"
              aria-label="Increase quantity"
            >
              +
            </button>
          </CartForm>
          <span className="font-semibold tabular-nums">{formatMoney(line.totalPrice)}</span>
        </div>
        <CartForm action={removeItem} edit={() => ({ type: 'remove', lineId: line.id })}>
          <input type="hidden" name="lineId" value={line.id} />
          <button
            type="submit"
            disabled={pending}
            className="mt-2 text-sm text-ink-subtle underline underline-offset-2 hover:text-danger"
          >
            Remove<span className="sr-only"> {label}</span>
          </button>
        </CartForm>
        {line.planChoices.length > 0 && !pending && (
          // Keyed by the store's plan, so a refused change shows the line's real plan again.
          <CartForm
            key={line.sellingPlan?.id ?? 'one-time'}
            action={changePlan}
            className="mt-2 flex flex-wrap items-center gap-2 text-sm"
          >
            <input type="hidden" name="lineId" value={line.id} />
            <label>
              <span className="sr-only">Delivery for {label}</span>
              <select
                name="sellingPlanId"
                defaultValue={line.sellingPlan?.id ?? ''}
                className="h-9 rounded-full border border-line-strong bg-paper px-3"
              >
                <option value="">One-time purchase</option>
                {line.planChoices.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="underline underline-offset-2 hover:text-brand">
              Change<span className="sr-only"> delivery for {label}</span>
            </button>
          </CartForm>
        )}
        {refusal && (
          <p role="alert" className="mt-2 text-sm text-danger">
            {refusal}
          </p>
        )}
      </div>
    </li>
  );
}
