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
import { applyEdit, type CartEdit, type PendingLine } from './optimistic-cart';
import type { CartAction, CartActionResult, CartActions, CartRefusal } from './cart-actions';

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
  /** The Server Actions themselves, for forms rendered before JavaScript has loaded. */
  actions: CartActions;
  add: (formData: FormData, line: PendingLine) => Promise<void>;
  updateQuantity: (formData: FormData) => Promise<void>;
  remove: (formData: FormData) => Promise<void>;
  changePlan: (formData: FormData) => Promise<void>;
  applyDiscount: (formData: FormData) => Promise<void>;
  removeDiscount: (formData: FormData) => Promise<void>;
  /** A cart the server already rendered (the /cart page), used until the shopper's own loads. */
  adopt: (cart: CartView | null) => void;
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
export function CartProvider({ actions, children }: { actions: CartActions; children: ReactNode }) {
  const [storeCart, setStoreCart] = useState<CartView | null | undefined>(undefined);
  const [cart, applyOptimistic] = useOptimistic(storeCart, applyEdit);
  const [refusals, setRefusals] = useState<CartRefusal[]>([]);
  const [problem, setProblem] = useState<CartProblem | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The store's last answer, kept as answers arrive (in order): what a change started from.
  const lastAnswer = useRef<CartView | null | undefined>(undefined);

  const run = useCallback(
    async function run(
      action: CartAction | CartActions['load'],
      formData: FormData | null,
      edit: CartEdit | null,
      /** For analytics: called when the store accepted the change, with the cart before and after. */
      accepted?: (before: CartView | null | undefined, after: CartView | null) => void,
    ): Promise<CartActionResult> {
      if (edit) applyOptimistic(edit);
      let result: CartActionResult;
      try {
        result = await (formData
          ? (action as CartAction)(formData)
          : (action as CartActions['load'])());
      } catch {
        result = { refusals: [], problem: UNREACHABLE };
      }
      if (result.cart !== undefined) {
        const before = lastAnswer.current;
        lastAnswer.current = result.cart;
        if (!result.problem && result.refusals.length === 0) accepted?.(before, result.cart);
      }
      const retry = () =>
        startTransition(async () => void (await run(action, formData, edit, accepted)));
      startTransition(() => {
        if (result.cart !== undefined) setStoreCart(result.cart);
        // Loading the cart says nothing about the last change's refusals; a change replaces them.
        if (formData) setRefusals(result.refusals);
        setProblem(result.problem ? { message: result.problem, retry } : null);
      });
      return result;
    },
    [applyOptimistic],
  );

  // Once per page load. The layout re-renders after an action that set the cookie, handing down new
  // action references; that is not a reason to load again.
  const loadOnce = useRef(actions.load);
  useEffect(() => {
    startTransition(async () => void (await run(loadOnce.current, null, null)));
  }, [run]);

  const add = useCallback(
    async (formData: FormData, line: PendingLine) => {
      const quantity = Number(formData.get('quantity')) || 1;
      const result = await run(
        actions.add,
        formData,
        { type: 'add', line, quantity },
        (_before, after) =>
          after &&
          trackCartEvent({
            type: 'add',
            merchandiseId: line.merchandiseId,
            sellingPlanId: line.sellingPlan?.id ?? null,
            quantity,
            cart: after,
          }),
      );
      if (!result.problem && result.refusals.length === 0)
        announce(setAnnouncement, quantity === 1 ? 'Added to cart' : `Added ${quantity} to cart`);
    },
    [actions.add, run],
  );

  const updateQuantity = useCallback(
    async (formData: FormData) => {
      const lineId = String(formData.get('lineId'));
      const quantity = Number(formData.get('quantity'));
      await run(
        actions.updateQuantity,
        formData,
        quantity > 0 ? { type: 'quantity', lineId, quantity } : { type: 'remove', lineId },
        (before, after) => {
          const line = before?.lines.find((item) => item.id === lineId);
          const now = after?.lines.find((item) => item.id === lineId)?.quantity ?? 0;
          if (line) trackCartEvent({ type: 'quantity', line, quantity: now });
        },
      );
    },
    [actions.updateQuantity, run],
  );

  const remove = useCallback(
    async (formData: FormData) => {
      const lineId = String(formData.get('lineId'));
      const result = await run(actions.remove, formData, { type: 'remove', lineId }, (before) => {
        const line = before?.lines.find((item) => item.id === lineId);
        if (line) trackCartEvent({ type: 'remove', line });
      });
      if (!result.problem && result.refusals.length === 0)
        announce(setAnnouncement, 'Removed from cart');
    },
    [actions.remove, run],
  );

  // Plan prices and discounts are the store's to compute: these show once the store has answered.
  const { changePlan, applyDiscount, removeDiscount } = useMemo(() => {
    const submit = (action: CartAction) => async (formData: FormData) =>
      void (await run(action, formData, null));
    return {
      changePlan: submit(actions.changePlan),
      applyDiscount: submit(actions.applyDiscount),
      removeDiscount: submit(actions.removeDiscount),
    };
  }, [actions.changePlan, actions.applyDiscount, actions.removeDiscount, run]);

  const adopt = useCallback((serverCart: CartView | null) => {
    if (lastAnswer.current === undefined) lastAnswer.current = serverCart;
    setStoreCart((current) => (current === undefined ? serverCart : current));
  }, []);

  const value = useMemo<CartContextValue>(
    () => ({
      cart,
      // useOptimistic hands back the store's own object once nothing is pending.
      saving: cart !== storeCart,
      refusals,
      problem,
      actions,
      add,
      updateQuantity,
      remove,
      changePlan,
      applyDiscount,
      removeDiscount,
      adopt,
      drawerOpen,
      openDrawer: () => setDrawerOpen(true),
      closeDrawer: () => setDrawerOpen(false),
    }),
    [
      cart,
      storeCart,
      refusals,
      problem,
      actions,
      add,
      updateQuantity,
      remove,
      changePlan,
      applyDiscount,
      removeDiscount,
      adopt,
      drawerOpen,
    ],
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

/** Clearing first makes a screen reader announce the same words again for a second add. */
function announce(set: (text: string) => void, text: string) {
  startTransition(() => set(''));
  requestAnimationFrame(() => startTransition(() => set(text)));
}
