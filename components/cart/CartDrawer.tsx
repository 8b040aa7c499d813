'use client';

import { useEffect, useRef } from 'react';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';
import type { CartPolicy } from './cart-policy';

/**
 * A modal <dialog>: the browser traps focus in it and closes it on Escape; focus goes back to
 * whatever opened it.
 */
export function CartDrawer({ policy }: { policy: CartPolicy }) {
  const { cart, drawerOpen, closeDrawer } = useCart();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

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
            <CartLines cart={cart} policy={policy} />
          </div>
        </div>
      )}
    </dialog>
  );
}
