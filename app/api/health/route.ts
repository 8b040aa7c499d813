import { redisHealth } from '@/lib/redis/client.mjs';
import { storeHealth } from '@/lib/storefront/health';

// Answered at request time, never prerendered at build: a cached health answer is a wrong one.
export const dynamic = 'force-dynamic';

/**
 * For load balancers and uptime checks: 200 when this server can take orders, 503 (with why) when not.
 * With REDIS_URL set it also says whether Redis is reachable. A Redis outage leaves the answer 200
 * ("degraded"): every instance shares that Redis, and pages, carts and limits keep working on each
 * instance's memory, so taking them all out of the load balancer would turn it into an outage.
 */
export function GET(): Response {
  const health = storeHealth();
  const redis = redisHealth();
  const headers = { 'Cache-Control': 'no-store' };
  if (!health.ready)
    return Response.json(
      { status: 'not ready', reason: health.reason, ...(redis ? { redis: redis.state } : {}) },
      { status: 503, headers },
    );
  if (!redis) return Response.json({ status: 'ready' }, { headers });
  return redis.state === 'connected'
    ? Response.json({ status: 'ready', redis: redis.state }, { headers })
    : Response.json(
        {
          status: 'degraded',
          redis: redis.state,
          reason: `${redis.detail} The cache and the limits are this instance's own until it is back.`,
        },
        { headers },
      );
}
