import type { IncomingHttpHeaders } from 'node:http';

/**
 * A short-lived, in-memory cache of the responses Next marks as shared-cacheable (prerendered pages:
 * `Cache-Control: s-maxage=…`), the job a CDN does in front of a store. Entries live at most `ttlMs`
 * (default 1 s) whatever s-maxage says, so a revalidated page (on-demand, or after an order changes
 * stock) is served fresh within a second, without this cache having to hear about it.
 *
 * When an entry expires, one request refreshes it from the app while the others keep getting the
 * expired copy (stale-while-revalidate), so a popular page costs the app one render a second instead of
 * a burst of every request in flight at that moment.
 */

export interface CachedResponse {
  status: number;
  /** Flat [name, value, name, value…] as Node's rawHeaders, hop-by-hop headers removed. */
  headers: string[];
  body: Buffer;
  etag: string | undefined;
  expiresAt: number;
  /** Set while one request is fetching a fresh copy of this expired entry. */
  refreshing: boolean;
}

export interface CacheLookup {
  entry: CachedResponse;
  /** Expired: served as is while a refresh runs. */
  stale: boolean;
  /** This caller must fetch the fresh copy (and `store` or `forget` it). */
  refresh: boolean;
}

// Request headers that make Next answer with something other than the page's HTML (RSC payloads,
// prefetches, server actions) or with a draft; such requests always go to Next.
const BYPASS_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'authorization'];
// What the response may Vary on: the headers above are never cached, Accept-Encoding is part of the key.
const HANDLED_VARY = new Set([...BYPASS_HEADERS, 'accept-encoding']);
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const CONTENT_LENGTH = new Set(['content-length']); // recomputed for the body as kept
// An expired copy is never served longer than this after expiry, even if its refresh hangs.
const MAX_STALE_MS = 10_000;

export class Microcache {
  private readonly entries = new Map<string, CachedResponse>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cache key for a request, or null when the request must go to the app. */
  keyFor(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
    if (this.ttlMs <= 0 || (method !== 'GET' && method !== 'HEAD') || !url) return null;
    if (BYPASS_HEADERS.some((name) => headers[name] !== undefined)) return null;
    if (headers.cookie?.includes('__prerender_bypass')) return null;
    return `${encodingOf(headers['accept-encoding'])} ${url}`;
  }

  lookup(key: string): CacheLookup | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const expiredFor = this.now() - entry.expiresAt;
    if (expiredFor < 0) return { entry, stale: false, refresh: false };
    if (expiredFor > MAX_STALE_MS) {
      this.entries.delete(key);
      return null;
    }
    const refresh = !entry.refreshing;
    entry.refreshing = true;
    return { entry, stale: true, refresh };
  }

  /** Drops an entry whose refresh failed, so the next request goes to the app. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /**
   * Keeps a complete response when it is safe to hand to anyone: true when it was kept. A response
   * that may not be shared also drops what was kept before under its key.
   */
  store(key: string, status: number, rawHeaders: string[], body: Buffer): boolean {
    const headers = withoutHeaders(withoutHopByHop(rawHeaders), CONTENT_LENGTH);
    headers.push('Content-Length', String(body.length));
    const ttl = this.freshFor(key, status, headers, body);
    this.entries.delete(key);
    if (ttl <= 0) return false;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { status, headers, body, etag: header(headers, 'etag'), expiresAt: this.now() + ttl, refreshing: false });
    return true;
  }

  private freshFor(key: string, status: number, headers: string[], body: Buffer): number {
    if (status !== 200 || body.length > MAX_BODY_BYTES || header(headers, 'set-cookie') !== undefined) return 0;
    const cacheControl = (header(headers, 'cache-control') ?? '').toLowerCase();
    if (/\b(private|no-store|no-cache)\b/.test(cacheControl)) return 0;
    const sharedMaxAge = Number(/\bs-maxage=(\d+)/.exec(cacheControl)?.[1] ?? 0);
    const vary = (header(headers, 'vary') ?? '').toLowerCase().split(',').map((name) => name.trim()).filter(Boolean);
    if (vary.some((name) => !HANDLED_VARY.has(name))) return 0;
    // The body must be in the encoding the key promises.
    const encoding = header(headers, 'content-encoding') ?? 'identity';
    if (encoding !== key.slice(0, key.indexOf(' '))) return 0;
    return Math.min(sharedMaxAge * 1000, this.ttlMs);
  }
}

/** Next compresses with gzip only; anything else is served uncompressed. */
function encodingOf(acceptEncoding: string | undefined): 'gzip' | 'identity' {
  return acceptEncoding && /\bgzip\b/i.test(acceptEncoding) ? 'gzip' : 'identity';
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer']);

/** Raw headers ([name, value, name, value…]) without the named ones (lower case). */
export function withoutHeaders(rawHeaders: string[], names: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (!names.has(rawHeaders[index]!.toLowerCase())) kept.push(rawHeaders[index]!, rawHeaders[index + 1]!);
  }
  return kept;
}

export function withoutHopByHop(rawHeaders: string[]): string[] {
  return withoutHeaders(rawHeaders, HOP_BY_HOP);
}

export function header(rawHeaders: string[], name: string): string | undefined {
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (rawHeaders[index]!.toLowerCase() === name) return rawHeaders[index + 1];
  }
  return undefined;
}
