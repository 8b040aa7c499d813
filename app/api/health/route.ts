import { storeHealth } from '@/lib/storefront/health';

// Answered at request time, never prerendered at build: a cached health answer is a wrong one.
export const dynamic = 'force-dynamic';

/** For load balancers and uptime checks: 200 when this server can take orders, 503 (with why) when not. */
export function GET(): Response {
  const health = storeHealth();
  const headers = { 'Cache-Control': 'no-store' };
  return health.ready
    ? Response.json({ status: 'ready' }, { headers })
    : Response.json({ status: 'not ready', reason: health.reason }, { status: 503, headers });
}
