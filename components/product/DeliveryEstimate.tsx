'use client';

import { useEffect, useState } from 'react';
import { whenIdle } from '@/components/when-idle';
import type { DeliveryPromise } from '@/lib/commerce/delivery-text';
import type { DeliveryCalendar } from '@/lib/content/policy-types';

/** The countdown moves on every 15 s. */
const TICK_MS = 15_000;

/**
 * "Arrives Dec 7 – 10 / if you order within 3 h 20 min", worked out in the browser from the store's
 * calendar: the page is built ahead of time, so the server renders the statement that holds on any
 * day, in the same two lines, and the dates replace it in place. The date arithmetic loads once the
 * browser is idle after load: nothing on the first paint needs it.
 */
export function DeliveryEstimate({
  calendar,
  fallback,
}: {
  calendar: DeliveryCalendar;
  fallback: { arrives: string; ships: string };
}) {
  const [promise, setPromise] = useState<Omit<DeliveryPromise, 'estimate'> | null>(null);
  useEffect(() => {
    let interval: number | undefined;
    let stopped = false;
    const stopWaiting = whenIdle(() => {
      void import('@/lib/commerce/delivery-text').then(({ deliveryPromise }) => {
        if (stopped) return;
        const update = () => setPromise(deliveryPromise(calendar, new Date()));
        update();
        interval = window.setInterval(update, TICK_MS);
      });
    }, 2000);
    return () => {
      stopped = true;
      stopWaiting();
      window.clearInterval(interval);
    };
  }, [calendar]);
  return (
    <p className="text-sm" data-testid="delivery-estimate">
      <strong className="block font-semibold">{promise?.arrives ?? fallback.arrives}</strong>
      <span className="block text-ink-subtle">{promise?.condition ?? fallback.ships}</span>
    </p>
  );
}
