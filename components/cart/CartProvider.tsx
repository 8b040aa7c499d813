'use client';

import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useOptimistic,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { trackCartEvent } from '@/lib/analytics/events';
import type { CartView } from '@/lib/storefront/cart-view';
import { applyEdit, type CartEdit } from './optimistic-cart';
import type { CartAction, CartActionResult, CartRefusal } from './actions';

export interface CartProblem {
  message: string;
  retry: () => void;
}

interface CartContextValue {
  /** What the shopper sees: the store's cart with their pending changes applied; undefined until loaded. */
  cart: CartView | null | undefined;
  /** True while a change the shopper made has not been answered by the store yet. */
  saving: boolean;
  refusals: CartRefusal[];
  problem: CartProblem | null;
  /** Sends a form to a cart action (see CartForm), showing `edit` until the store answers. */
  submit: (action: CartAction, formData: FormData, edit?: CartEdit) => Promise<void>;
  /**
   * A cart the server already rendered (the /cart page), used until the shopper's own loads, with
   * what the last change posted without JavaScript could not do.
   */
  adopt: (cart: CartView | null, refusals?: CartRefusal[]) => void;
  drawerOpen: boolean;
  openDrawer: () => void;
  closeDrawer: () => void;
}

const CartContext = createContext<CartContextValue | null>(null);

export function useCart(): CartContextValue {
  const context = useContext(CartContext);
  if (!context) throw new Error('useCart must be used inside <CartProvider>');
  return context;
}

const UNREACHABLE = 'The store cannot be reached right now. Nothing in your cart was changed.';

/**
 * The cart as the server keeps it, shown at once with the shopper's pending edits (useOptimistic),
 * then exactly as the store answered. Every change is a Server Action, queued in order by Next's
 * router, so fast clicks need no queue of ours.
 */
export function CartProvider({ children }: { children: ReactNode }) {
  const [storeCart, setStoreCart] = useState<CartView | null | undefined>(undefined);
  const [cart, applyOptimistic] = useOptimistic(storeCart, applyEdit);
  const [refusals, setRefusals] = useState<CartRefusal[]>([]);
  const [problem, setProblem] = useState<CartProblem | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The store's last answer, kept as answers arrive (in order): what a change started from.
  const lastAnswer = useRef<CartView | null | undefined>(undefined);

  const show = useCallback(
    (result: CartActionResult, retry: () => void, { change }: { change: boolean }) => {
      const before = lastAnswer.current;
      if (result.cart !== undefined) lastAnswer.current = result.cart;
      startTransition(() => {
        if (result.cart !== undefined) setStoreCart(result.cart);
        // Loading the cart says nothing about the last change's refusals; a change replaces them.
        if (change) setRefusals(result.refusals);
        setProblem(result.problem ? { message: result.problem, retry } : null);
      });
      return before;
    },
    [],
  );

  // Changes started so far: a read that a change overtook answers with an older cart than the change.
  const changesStarted = useRef(0);

  useEffect(() => {
    startTransition(async function load() {
      const changesBefore = changesStarted.current;
      const result = await reach(loadCart);
      if (changesStarted.current === changesBefore)
        show(result, () => startTransition(load), { change: false });
    });
  }, [show]);

  const submit = useCallback(
    async function submit(action: CartAction, formData: FormData, edit?: CartEdit) {
      changesStarted.current += 1;
      if (edit) applyOptimistic(edit);
      const result = await reach(() => action(null, formData));
      const before = show(result, () => startTransition(() => submit(action, formData, edit)), {
        change: true,
      });
      const accepted = !result.problem && result.refusals.length === 0;
      const words = accepted && edit ? confirmation(edit) : null;
      if (words) announce(setAnnouncement, words);
      if (accepted && edit && result.cart) trackChange(edit, before, result.cart);
    },
    [applyOptimistic, show],
  );

  const adopt = useCallback((serverCart: CartView | null, serverRefusals: CartRefusal[] = []) => {
    if (lastAnswer.current === undefined) lastAnswer.current = serverCart;
    setStoreCart((current) => (current === undefined ? serverCart : current));
    setRefusals((current) => (current.length === 0 ? serverRefusals : current));
  }, []);

  const value = useMemo<CartContextValue>(
    () => ({
      cart,
      // useOptimistic hands back the store's own object once nothing is pending.
      saving: cart !== storeCart,
      refusals,
      problem,
      submit,
      adopt,
      drawerOpen,
      openDrawer: () => setDrawerOpen(true),
      closeDrawer: () => setDrawerOpen(false),
    }),
    [cart, storeCart, refusals, problem, submit, adopt, drawerOpen],
  );

  return (
    <CartContext.Provider value={value}>
      {children}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </CartContext.Provider>
  );
}

/** The shopper's cart from /api/cart (app/api/cart/route.ts). */
async function loadCart(): Promise<CartActionResult> {
  const answer = await fetch('/api/cart', { cache: 'no-store' });
  if (!answer.ok) throw new Error(`GET /api/cart: ${answer.status}`);
  return (await answer.json()) as CartActionResult;
}

/** The server's answer (an action's, or /api/cart's), or what to tell the shopper if none came. */
async function reach(request: () => Promise<CartActionResult>): Promise<CartActionResult> {
  try {
    return await request();
  } catch {
    return { refusals: [], problem: UNREACHABLE };
  }
}

/** For analytics: what a change the store accepted did, from the cart before it to the answer. */
function trackChange(edit: CartEdit, before: CartView | null | undefined, after: CartView) {
  if (edit.type === 'add') {
    const { merchandiseId, sellingPlan } = edit.line;
    const sellingPlanId = sellingPlan?.id ?? null;
    trackCartEvent({
      type: 'add',
      merchandiseId,
      sellingPlanId,
      quantity: edit.quantity,
      cart: after,
    });
    return;
  }
  const line = before?.lines.find((item) => item.id === edit.lineId);
  if (!line) return;
  const quantity = after.lines.find((item) => item.id === edit.lineId)?.quantity ?? 0;
  trackCartEvent(quantity > 0 ? { type: 'quantity', line, quantity } : { type: 'remove', line });
}

/** What a screen reader hears once the store accepts a change (a quantity is a live region). */
function confirmation(edit: CartEdit): string | null {
  if (edit.type === 'add')
    return edit.quantity === 1 ? 'Added to cart' : `Added ${edit.quantity} to cart`;
  return edit.type === 'remove' ? 'Removed from cart' : null;
}

/** Clearing first makes a screen reader announce the same words again for a second add. */
function announce(set: (text: string) => void, text: string) {
  startTransition(() => set(''));
  requestAnimationFrame(() => startTransition(() => set(text)));
}
