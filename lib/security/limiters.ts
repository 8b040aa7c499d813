import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RedisUnavailableError, type RedisConnection } from '@/lib/redis/client.mjs';

/** Per-client limits on what costs the store something: new carts and (local) orders. */
const LIMITS = {
  /** A shopper starts a cart once per visit; 20 a minute from one address is a script. */
  cartCreate: { keyPrefix: 'cart-create', points: 20, duration: 60 },
  checkout: { keyPrefix: 'checkout', points: 5, duration: 60 },
  /**
   * Field measurements: a page view sends at most five (LCP, INP, CLS, TTFB, FCP), so 120 a minute is
   * a shopper opening a page every three seconds, or a script.
   */
  vitals: { keyPrefix: 'vitals', points: 120, duration: 60 },
  /** Wrong revalidation secrets: a webhook sends the right one, so ten wrong ones a minute are guessing. */
  revalidateFailure: { keyPrefix: 'revalidate-failure', points: 10, duration: 60 },
} as const;

export type LimitedAction = keyof typeof LIMITS;

export interface Limiters {
  /** Counts one attempt; answers how many seconds to wait when over the limit, or null when allowed. */
  retryAfterSeconds(action: LimitedAction, client: string): Promise<number | null>;
  /** How long a client must wait because it used up `action`'s attempts, without counting one; or null. */
  blockedForSeconds(action: LimitedAction, client: string): Promise<number | null>;
}

type Limiter = RateLimiterMemory | RateLimiterRedis;

/**
 * With Redis, the counts are shared by every instance, so N instances do not allow N times the
 * limit. While Redis is down, failing or slower than its deadline, each instance counts in its own
 * memory (the insurance limiter), so the limits still hold per instance. Without Redis (a single
 * instance), memory only.
 */
export function createLimiters(redis: RedisConnection | null): Limiters {
  const memory = mapLimits((limit) => new RateLimiterMemory(limit));
  const shared = redis
    ? mapLimits(
        (limit, action) =>
          new RateLimiterRedis({
            ...limit,
            keyPrefix: `limit:${limit.keyPrefix}`,
            storeClient: redis.client,
            useRedisPackage: true,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory[action],
          }),
      )
    : null;

  /** Runs `operation` on the shared limiter within Redis's deadline, or on this instance's memory. */
  async function withLimiter(
    action: LimitedAction,
    operation: (limiter: Limiter) => Promise<RateLimiterRes | null>,
  ): Promise<RateLimiterRes | null> {
    if (redis && shared) {
      try {
        return await redis.run(() => operation(shared[action]));
      } catch (error) {
        if (!(error instanceof RedisUnavailableError)) throw error;
      }
    }
    return operation(memory[action]);
  }

  return {
    async retryAfterSeconds(action, client) {
      // A refusal is an answer, not a failure: it must not send the attempt on to the fallback.
      const refusal = await withLimiter(action, (limiter) =>
        limiter.consume(client).then(
          () => null,
          (rejection: unknown) => {
            if (rejection instanceof RateLimiterRes) return rejection;
            throw rejection;
          },
        ),
      );
      return refusal ? secondsOf(refusal) : null;
    },
    async blockedForSeconds(action, client) {
      const state = await withLimiter(action, (limiter) => limiter.get(client));
      return state && state.consumedPoints >= LIMITS[action].points ? secondsOf(state) : null;
    },
  };
}

function mapLimits<T>(
  make: (limit: (typeof LIMITS)[LimitedAction], action: LimitedAction) => T,
): Record<LimitedAction, T> {
  return Object.fromEntries(
    Object.entries(LIMITS).map(([action, limit]) => [action, make(limit, action as LimitedAction)]),
  ) as Record<LimitedAction, T>;
}

function secondsOf(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}
