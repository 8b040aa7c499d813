import type { DeliveryCalendar } from '@/lib/content/policy-types';
import { deliveryPromise, type DeliveryPromise } from './delivery-text';

/** What the buy box asks: the store's calendar, and the moment to answer for (the page's clock). */
export interface DeliveryQuestion {
  calendar: DeliveryCalendar;
  now: number;
}

/** The buy box's two lines, as `deliveryPromise` words them. */
export type DeliveryLines = Pick<DeliveryPromise, 'arrives' | 'condition'>;

/**
 * Runs in a Web Worker: the first date the browser formats loads Intl's locale data, a long task on
 * a slow phone, so it is paid off the main thread and never delays a tap.
 */
addEventListener('message', (event: MessageEvent<DeliveryQuestion>) => {
  const { arrives, condition } = deliveryPromise(event.data.calendar, new Date(event.data.now));
  postMessage({ arrives, condition } satisfies DeliveryLines);
});
