'use client';

import { trackCartEvent } from '@/lib/analytics/events';
import { useCart } from './CartProvider';

/**
 * A link to /cart that opens the drawer instead once JavaScript runs. Its content starts at the left
 * edge, not centred: a first paint that lands between the icon and the label then moves nothing.
 */
export function CartButton() {
  const { cart, openDrawer } = useCart();
  const count = cart?.totalQuantity ?? 0;
  return (
    <a
      href="/cart"
      aria-haspopup="dialog"
      onClick={(event) => {
        event.preventDefault();
        openDrawer();
        if (cart) trackCartEvent({ type: 'view', cart });
      }}
      className="inline-flex h-11 min-w-32 items-center justify-start gap-2 rounded-full border border-line-strong bg-paper-raised px-4 text-sm font-semibold hover:border-brand hover:text-brand"
    >
      <CartIcon />
      <span>Cart</span>
      {/* The badge keeps its width while empty, so the header does not shift when the cart loads. */}
      <span
        data-testid="cart-count"
        className={`min-w-6 rounded-full px-1.5 text-center text-xs leading-6 ${count > 0 ? 'bg-brand text-paper' : 'text-transparent'}`}
      >
        <span className="sr-only">, </span>
        {count}
        <span className="sr-only"> {count === 1 ? 'item' : 'items'}</span>
      </span>
    </a>
  );
}

function CartIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h9.2a1 1 0 0 0 1-.8L20 8H6.2" />
      <circle cx="9.5" cy="19.5" r="1.3" />
      <circle cx="17" cy="19.5" r="1.3" />
    </svg>
  );
}
