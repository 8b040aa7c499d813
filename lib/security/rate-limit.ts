import 'server-only';
import { sharedRedis } from '@/lib/redis/client.mjs';
import { createLimiters, type LimitedAction, type Limiters } from './limiters';

export type { LimitedAction } from './limiters';

// Made on first use, so the environment (REDIS_URL) is read at run time, not at import.
let limiters: Limiters | undefined;

function processLimiters(): Limiters {
  limiters ??= createLimiters(sharedRedis());
  return limiters;
}

/** Counts one attempt; answers how many seconds to wait when over the limit, or null when allowed. */
export function retryAfterSeconds(action: LimitedAction, client: string): Promise<number | null> {
  return processLimiters().retryAfterSeconds(action, client);
}

/** How long a client must wait because it used up `action`'s attempts, without counting one; or null. */
export function blockedForSeconds(action: LimitedAction, client: string): Promise<number | null> {
  return processLimiters().blockedForSeconds(action, client);
}
