'use client';

import { useEffect, useState } from 'react';
import { whenIdle } from '@/components/when-idle';
import type { DeliveryLines, DeliveryQuestion } from '@/lib/commerce/delivery-worker';
import type { DeliveryCalendar } from '@/lib/content/policy-types';

/** The countdown moves on every 15 s. */
const TICK_MS = 15_000;

/**
 * "Arrives Dec 7 – 10 / if you order within 3 h 20 min", worked out in the browser from the store's
 * calendar: the page is built ahead of time, so the server renders the statement that holds on any
 * day, in the same two lines, and the dates replace it in place. The dates are worked out in a
 * worker started once the browser is idle: nothing on the first paint needs them, and where the
 * worker cannot run the server's statement stays.
 */
export function DeliveryEstimate({
  calendar,
  fallback,
}: {
  calendar: DeliveryCalendar;
  fallback: { arrives: string; ships: string };
}) {
  const [lines, setLines] = useState<DeliveryLines | null>(null);
  useEffect(() => {
    let worker: Worker | undefined;
    let interval: number | undefined;
    const stopWaiting = whenIdle(() => {
      worker = new Worker(new URL('../../lib/commerce/delivery-worker.ts', import.meta.url));
      worker.onmessage = (event: MessageEvent<DeliveryLines>) => setLines(event.data);
      worker.onerror = () => window.clearInterval(interval);
      const ask = () =>
        worker?.postMessage({ calendar, now: Date.now() } satisfies DeliveryQuestion);
      ask();
      interval = window.setInterval(ask, TICK_MS);
    }, 2000);
    return () => {
      stopWaiting();
      window.clearInterval(interval);
      worker?.terminate();
    };
  }, [calendar]);
  return (
    <p className="text-sm" data-testid="delivery-estimate">
      <strong className="block font-semibold">{lines?.arrives ?? fallback.arrives}</strong>
      <span className="block text-ink-subtle">{lines?.condition ?? fallback.ships}</span>
    </p>
  );
}
