import autocannon from 'autocannon';
import type { CartWrites } from './cart-form';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  statusCounts: Record<string, number>;
}

export function summarize(result: autocannon.Result): LoadFigures {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCounts: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [
        status,
        count ?? 0,
      ]),
    ),
  };
}

/** GET throughput: 20 connections for `seconds`, loopback only. */
export async function loadGet(
  url: string,
  seconds: number,
  connections = 20,
): Promise<LoadFigures> {
  return summarize(await autocannon({ url, connections, duration: seconds }));
}

/** autocannon's request hooks, typed loosely (its types do not know the per-connection context). */
export type RequestHooks = Pick<autocannon.Request, 'setupRequest' | 'onResponse'>;
export const hooksOf = (writes: CartWrites): RequestHooks => ({
  setupRequest: writes.setupRequest as unknown as autocannon.Request['setupRequest'],
  onResponse: writes.onResponse as unknown as autocannon.Request['onResponse'],
});

/** The add-to-cart form posted over and over (see CartWrites), 20 connections for `seconds`. */
export async function loadCartForm(
  writes: CartWrites,
  seconds: number,
  connections = 20,
): Promise<LoadFigures> {
  return summarize(
    await autocannon({
      url: writes.form.actionUrl,
      connections,
      duration: seconds,
      requests: [hooksOf(writes)],
    }),
  );
}
