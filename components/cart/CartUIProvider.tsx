'use client';

import { useCart } from '@shopify/hydrogen-react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { writeCartCookie } from './cart-id';
import { useQuantitySync } from './useQuantitySync';

interface CartUI {
  drawerOpen: boolean;
  openDrawer: () => void;
  closeDrawer: () => void;
  /** Call right before an add starts, so its outcome can be announced and shown. */
  beginAdd: (quantity: number) => void;
  /** The quantity a line shows: what the shopper asked for, even while the store catches up. */
  quantityOf: (lineId: string, storeQuantity: number) => number;
  setQuantity: (lineId: string, quantity: number) => void;
  /** A problem the shopper should know about, in words, or null. */
  problem: string | null;
  dismissProblem: () => void;
  retry: (() => void) | null;
  /** True while the shopper's last changes are not yet confirmed by the store. */
  syncing: boolean;
}

const CartUIContext = createContext<CartUI | null>(null);

export function useCartUI(): CartUI {
  const context = useContext(CartUIContext);
  if (!context) throw new Error('useCartUI must be used inside <CartUIProvider>');
  return context;
}

/** Drawer state, announcements and error handling around hydrogen-react's CartProvider. */
export function CartUIProvider({ children }: { children: ReactNode }) {
  const cart = useCart();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const adding = useRef<{ before: number; quantity: number } | null>(null);
  const quantities = useQuantitySync(setProblem);

  useEffect(() => {
    if (cart.id) writeCartCookie(cart.id);
  }, [cart.id]);

  const networkError = cart.error ? describeError(cart.error) : null;

  useEffect(() => {
    const pending = adding.current;
    if (!pending || cart.status !== 'idle') return;
    adding.current = null;
    if (cart.error) return;
    if ((cart.totalQuantity ?? 0) <= pending.before) {
      setProblem('We could not add that to your cart: there is not enough in stock.');
      return;
    }
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(pending.quantity === 1 ? 'Added to cart' : `Added ${pending.quantity} to cart`));
    setDrawerOpen(true);
  }, [cart.status, cart.error, cart.totalQuantity]);

  const beginAdd = useCallback(
    (quantity: number) => {
      setProblem(null);
      adding.current = { before: cart.totalQuantity ?? 0, quantity };
    },
    [cart.totalQuantity],
  );

  const value = useMemo<CartUI>(
    () => ({
      drawerOpen,
      openDrawer: () => setDrawerOpen(true),
      closeDrawer: () => setDrawerOpen(false),
      beginAdd,
      quantityOf: quantities.quantityOf,
      setQuantity: quantities.setQuantity,
      problem: networkError ?? problem,
      dismissProblem: () => setProblem(null),
      retry: networkError ? () => window.location.reload() : null,
      syncing: quantities.syncing || cart.status !== 'idle',
    }),
    [drawerOpen, beginAdd, quantities, networkError, problem, cart.status],
  );

  return (
    <CartUIContext.Provider value={value}>
      {children}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </CartUIContext.Provider>
  );
}

function describeError(error: unknown): string {
  const text = typeof error === 'string' ? error : Array.isArray(error) ? error.map((item: { message?: string }) => item?.message).join(' ') : String(error);
  if (/fetch|network|Failed/i.test(text)) return 'The store cannot be reached right now, so your cart could not be loaded or changed.';
  return 'The store could not update your cart right now.';
}
