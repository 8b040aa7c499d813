'use client';

import { useCart } from '@shopify/hydrogen-react';
import { useEffect, useState, type ReactNode } from 'react';
import { CartProblem } from './CartProblem';

/**
 * Shows the server-rendered cart until CartProvider has loaded the same cart in the browser, then the
 * live view (optimistic quantities, no page reloads).
 */
export function EnhancedCart({ fallback, hasServerCart, children }: { fallback: ReactNode; hasServerCart: boolean; children: ReactNode }) {
  const { status, id } = useCart();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const loaded = hydrated && status === 'idle' && (id !== undefined || !hasServerCart);
  if (!loaded) return <>{fallback}</>;
  return (
    <>
      <CartProblem />
      {children}
    </>
  );
}
