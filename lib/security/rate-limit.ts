import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Per-client limits on what costs the store something: new carts and (local) orders. Counted in this
 * process's memory: one `next start` per machine, and nginx limits POST rates in front of all of them.
 */
const limiters = {
  /** A shopper starts a cart once per visit; 20 a minute from one address is a script. */
  cartCreate: new RateLimiterMemory({ keyPrefix: 'cart-create', points: 20, duration: 60 }),
  checkout: new RateLimiterMemory({ keyPrefix: 'checkout', points: 5, duration: 60 }),
  /**
   * Field measurements: a page view sends at most five (LCP, INP, CLS, TTFB, FCP), so 120 a minute is
   * a shopper opening a page every three seconds, or a script.
   */
  vitals: new RateLimiterMemory({ keyPrefix: 'vitals', points: 120, duration: 60 }),
  /** Wrong revalidation secrets: a webhook sends the right one, so ten wrong ones a minute are guessing. */
  revalidateFailure: new RateLimiterMemory({
    keyPrefix: 'revalidate-failure',
    points: 10,
    duration: 60,
  }),
};

export type LimitedAction = keyof typeof limiters;

/** Counts one attempt; answers how many seconds to wait when over the limit, or null when allowed. */
export async function retryAfterSeconds(
  action: LimitedAction,
  client: string,
): Promise<number | null> {
  try {
    await limiters[action].consume(client);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes)
      return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}

/** How long a client must wait because it used up `action`'s attempts, without counting one; or null. */
export async function blockedForSeconds(
  action: LimitedAction,
  client: string,
): Promise<number | null> {
  const limiter = limiters[action];
  const state = await limiter.get(client);
  return state && state.consumedPoints >= limiter.points
    ? Math.max(1, Math.ceil(state.msBeforeNext / 1000))
    : null;
}
