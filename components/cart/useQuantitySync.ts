'use client';

import { useCart } from '@shopify/hydrogen-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/**
 * CartProvider ignores new updates while one is in flight, so rapid +/- clicks would be lost. Here
 * every click updates the wanted quantity at once (what the shopper sees), and the latest wanted
 * quantities are sent whenever the store is idle, until store and screen agree.
 */
export function useQuantitySync(onProblem: (message: string) => void) {
  const { lines, status, error, linesUpdate } = useCart();
  const [wanted, setWanted] = useState<Record<string, number>>({});
  const sent = useRef<Record<string, number>>({});

  const storeQuantities = useMemo(() => {
    const map = new Map<string, { quantity: number; available: number | null }>();
    for (const line of lines ?? []) {
      if (!line?.id) continue;
      const merchandise = line.merchandise as { quantityAvailable?: number | null } | undefined;
      map.set(line.id, { quantity: line.quantity ?? 0, available: merchandise?.quantityAvailable ?? null });
    }
    return map;
  }, [lines]);

  useEffect(() => {
    // After a failed request the store's answer is unknown; keep what the shopper wants on screen.
    if (status !== 'idle' || error) return;
    const changes: Array<{ id: string; quantity: number }> = [];
    const settled: string[] = [];
    for (const [id, quantity] of Object.entries(wanted)) {
      const line = storeQuantities.get(id);
      if (!line) settled.push(id);
      else if (line.quantity === quantity) settled.push(id);
      else if (sent.current[id] === quantity) {
        // The store answered and kept another quantity: it refused (usually not enough stock).
        settled.push(id);
        onProblem(`Only ${line.quantity} can be in your cart: that is all we have in stock.`);
      } else changes.push({ id, quantity });
    }
    if (settled.length > 0) {
      // Reconciling with the store's answer, which arrives asynchronously: this is what the effect is for.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setWanted((current) => {
        const next = { ...current };
        for (const id of settled) if (next[id] === current[id]) delete next[id];
        return next;
      });
      for (const id of settled) delete sent.current[id];
    }
    if (changes.length > 0) {
      for (const change of changes) sent.current[change.id] = change.quantity;
      linesUpdate(changes);
    }
  }, [status, error, wanted, storeQuantities, linesUpdate, onProblem]);

  const quantityOf = useCallback((lineId: string, storeQuantity: number) => wanted[lineId] ?? storeQuantity, [wanted]);
  const setQuantity = useCallback((lineId: string, quantity: number) => {
    setWanted((current) => ({ ...current, [lineId]: Math.max(1, Math.min(99, quantity)) }));
  }, []);

  return useMemo(
    () => ({ quantityOf, setQuantity, syncing: Object.keys(wanted).length > 0 }),
    [quantityOf, setQuantity, wanted],
  );
}
