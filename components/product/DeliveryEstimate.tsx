'use client';

import { useSyncExternalStore } from 'react';
import { deliveryPromise } from '@/lib/commerce/delivery-text';
import type { DeliveryCalendar } from '@/lib/content/policy-types';

/** The countdown moves on every 15 s; the estimate is read once the browser is idle after load. */
const TICK_MS = 15_000;
let now: number | null = null;

function subscribe(notify: () => void): () => void {
  const tick = () => {
    now = Date.now();
    notify();
  };
  const idle =
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(tick, { timeout: 2000 })
      : window.setTimeout(tick, 0);
  const interval = window.setInterval(tick, TICK_MS);
  return () => {
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else window.clearTimeout(idle);
    window.clearInterval(interval);
  };
}

/**
 * "Arrives Dec 7 – 10 / if you order within 3 h 20 min", worked out in the browser from the store's
 * calendar: the page is built ahead of time, so the server renders the statement that holds on any
 * day, in the same two lines, and the dates replace it in place.
 */
export function DeliveryEstimate({
  calendar,
  fallback,
}: {
  calendar: DeliveryCalendar;
  fallback: { arrives: string; ships: string };
}) {
  const time = useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
  const promise = time === null ? null : deliveryPromise(calendar, new Date(time));
  return (
    <p className="text-sm" data-testid="delivery-estimate">
      <strong className="block font-semibold">{promise?.arrives ?? fallback.arrives}</strong>
      <span className="block text-ink-subtle">{promise?.condition ?? fallback.ships}</span>
    </p>
  );
}
