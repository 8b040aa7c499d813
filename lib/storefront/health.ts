import { storefrontConfig } from './config';
import { getLocalStore } from './local/instance';
import type { HealthCheck } from './local';

// No 'server-only' guard, for the reason given in local/instance.ts (which this imports).

interface StoreHealthReport {
  ready: boolean;
  mode: 'local' | 'shopify';
  checks: HealthCheck[];
  /** Why not ready, in words safe to publish: no file paths or SQLite text (the server log has those). */
  reason?: string;
}

/**
 * Whether this server can take shoppers' requests: in local mode, the local store's checks. Shopify
 * mode is ready when configured: Shopify's availability is not ours to report, and a slow Shopify
 * must not take every server out of a load balancer at once.
 */
export function storeHealth(): StoreHealthReport {
  let mode: 'local' | 'shopify';
  try {
    mode = storefrontConfig().mode;
  } catch (error) {
    console.error(
      '[health] storefront configuration:',
      error instanceof Error ? error.message : error,
    );
    return notReady('shopify', 'The storefront is not configured correctly (see the server log).');
  }
  if (mode === 'shopify') return { ready: true, mode, checks: [] };
  try {
    const { ready, checks } = getLocalStore().health();
    return ready
      ? { ready, mode, checks }
      : { ready, mode, checks, reason: checks.find((check) => !check.ok)?.detail };
  } catch (error) {
    console.error('[health] the local store could not start:', error);
    return notReady(mode, 'The local store could not start (see the server log).');
  }
}

const notReady = (mode: StoreHealthReport['mode'], reason: string): StoreHealthReport => ({
  ready: false,
  mode,
  checks: [],
  reason,
});
