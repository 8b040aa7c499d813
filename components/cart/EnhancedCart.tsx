'use client';

import { useCart } from '@shopify/hydrogen-react';
import type { ReactNode } from 'react';
import { CartProblem } from './CartProblem';
import { useHydrated } from './useHydrated';

/**
 * Shows the server-rendered cart until CartProvider has loaded the same cart in the browser, then the
 * live view (optimistic quantities, no page reloads).
 */
export function EnhancedCart({ fallback, hasServerCart, children }: { fallback: ReactNode; hasServerCart: boolean; children: ReactNode }) {
  const { status, id } = useCart();
  const hydrated = useHydrated();
  const loaded = hydrated && status === 'idle' && (id !== undefined || !hasServerCart);
  if (!loaded) return <>{fallback}</>;
  return (
    <>
      <CartProblem />
      {children}
    </>
  );
}
