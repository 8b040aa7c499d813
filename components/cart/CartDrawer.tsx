'use client';

import { useEffect, useRef, useState } from 'react';
import { useCart } from './CartProvider';
import type { CartPolicy } from './cart-policy';

// What the drawer lists is not needed to paint or hydrate the page: it loads once the page has
// hydrated. Kept as a plain module, not React.lazy: a lazy component suspends on its first render even
// when loaded, and React holds a revealed boundary back for a moment, which would delay the line a
// shopper just added.
type CartLinesModule = typeof import('./CartLines');
let cartLines: CartLinesModule | null = null;
const loadCartLines = () => import('./CartLines').then((module) => (cartLines = module));

/**
 * A modal <dialog>: the browser traps focus in it and closes it on Escape; focus goes back to
 * whatever opened it.
 */
export function CartDrawer({ policy }: { policy: CartPolicy }) {
  const { cart, drawerOpen, closeDrawer } = useCart();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  const [lines, setLines] = useState(cartLines);
  const [unloadable, setUnloadable] = useState(false);
  useEffect(() => {
    if (lines) return;
    let stopped = false;
    loadCartLines().then(
      (module) => stopped || setLines(module),
      () => stopped || setUnloadable(true),
    );
    return () => {
      stopped = true;
    };
  }, [lines]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (drawerOpen && !element.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!drawerOpen && element.open) {
      element.close();
    }
  }, [drawerOpen]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="cart-drawer-title"
      onClose={() => {
        closeDrawer();
        opener.current?.focus();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) closeDrawer();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-full max-w-md bg-paper p-0 text-ink shadow-2xl backdrop:bg-ink/40"
    >
      {drawerOpen && (
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between border-b border-line px-5 py-4">
            <h2 id="cart-drawer-title" className="font-serif text-xl font-semibold">
              Your cart
            </h2>
            <button
              type="button"
              onClick={closeDrawer}
              className="grid size-11 place-items-center rounded-full text-2xl hover:bg-paper-sunk"
              aria-label="Close cart"
            >
              ×
            </button>
          </div>
          <div className="flex-1 overflow-y-auto px-5 pb-6">
            {lines ? (
              <lines.CartLines cart={cart} policy={policy} />
            ) : unloadable ? (
              // The list's code did not arrive (a dropped connection): the cart page has it all.
              <p className="py-6">
                Your cart could not be shown here.{' '}
                <a href="/cart" className="font-semibold underline underline-offset-2">
                  Open your cart
                </a>
              </p>
            ) : (
              <p className="py-6 text-ink-subtle">Loading your cart…</p>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
