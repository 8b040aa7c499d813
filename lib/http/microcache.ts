import type { IncomingHttpHeaders } from 'node:http';

/**
 * A short-lived, in-memory cache of the responses Next marks as shared-cacheable (prerendered pages:
 * `Cache-Control: s-maxage=…`), the job a CDN does in front of a store. Entries live at most `ttlMs`
 * (default 1 s) whatever s-maxage says, so a revalidated page (on-demand, or after an order changes
 * stock) is served fresh within a second, without this cache having to hear about it.
 */

export interface CachedResponse {
  status: number;
  /** Flat [name, value, name, value…] as Node's rawHeaders, hop-by-hop headers removed. */
  headers: string[];
  body: Buffer;
  etag: string | undefined;
  expiresAt: number;
}

// Request headers that make Next answer with something other than the page's HTML (RSC payloads,
// prefetches, server actions) or with a draft; such requests always go to Next.
const BYPASS_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'authorization'];
// What the response may Vary on: the headers above are never cached, Accept-Encoding is part of the key.
const HANDLED_VARY = new Set([...BYPASS_HEADERS, 'accept-encoding']);
const MAX_BODY_BYTES = 2 * 1024 * 1024;

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

  get(key: string): CachedResponse | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /** Keeps a complete response when it is safe to hand to anyone: true when it was kept. */
  store(key: string, status: number, rawHeaders: string[], body: Buffer): boolean {
    const headers = withoutHopByHop(rawHeaders).filter((_, index, all) => !/^content-length$/i.test(all[index - (index % 2)]!));
    headers.push('Content-Length', String(body.length));
    const ttl = this.freshFor(key, status, headers, body);
    if (ttl <= 0) return false;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { status, headers, body, etag: header(headers, 'etag'), expiresAt: this.now() + ttl });
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

export function withoutHopByHop(rawHeaders: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (!HOP_BY_HOP.has(rawHeaders[index]!.toLowerCase())) kept.push(rawHeaders[index]!, rawHeaders[index + 1]!);
  }
  return kept;
}

export function header(rawHeaders: string[], name: string): string | undefined {
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (rawHeaders[index]!.toLowerCase() === name) return rawHeaders[index + 1];
  }
  return undefined;
}
