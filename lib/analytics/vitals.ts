import { pageTypeOf } from './page';

/** A measurement as next/web-vitals reports it (the fields this site keeps). */
export interface WebVitalMetric {
  name: string;
  value: number;
  rating: string;
  id: string;
  navigationType: string;
}

export const VITALS_ENDPOINT = '/api/vitals';

/** One report per metric, sent so it survives the page being closed. */
export function sendVital(metric: WebVitalMetric): void {
  const body = JSON.stringify({
    name: metric.name,
    value: metric.value,
    rating: metric.rating,
    id: metric.id,
    navigationType: metric.navigationType,
    pageType: pageTypeOf(location.pathname),
    path: location.pathname,
  });
  // A plain string travels as text/plain; the endpoint reads the body as JSON either way.
  if (!navigator.sendBeacon?.(VITALS_ENDPOINT, body))
    void fetch(VITALS_ENDPOINT, { method: 'POST', body, keepalive: true }).catch(() => undefined);
}
