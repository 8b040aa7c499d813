// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { sharedRedis } from './client.mjs';
import { SharedCache } from './shared-cache.mjs';

// next.config.ts names this file as `cacheHandler` when REDIS_URL is set. It is JavaScript because
// Next imports it with Node's own loader in `next start` and in build workers (Turbopack also
// bundles it into the proxy), and Node 20 reads no TypeScript; tsc checks it from the JSDoc.

/**
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} CacheHandler
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext
 */

const DEFAULT_MEMORY_BYTES = 50 * 1024 * 1024;

/**
 * The deployment whose entries this process may serve: NEXT_DEPLOYMENT_ID, else the build's id.
 * @param {string | undefined} serverDistDir
 */
function deploymentNamespace(serverDistDir) {
  const deploymentId = process.env.NEXT_DEPLOYMENT_ID?.trim();
  if (deploymentId) return deploymentId;
  try {
    if (serverDistDir)
      return fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    // No build yet (development): one namespace for all of them.
  }
  return 'unversioned';
}

/** @type {SharedCache | undefined} */
let processCache;

/**
 * Next makes a handler per request; the cache they all use is made once per process.
 * @param {CacheHandlerContext} ctx
 */
function sharedCache(ctx) {
  if (processCache) return processCache;
  const redis = sharedRedis();
  if (!redis) throw new Error('The Redis cache handler is configured, but REDIS_URL is not set.');
  processCache = new SharedCache({
    redis,
    namespace: deploymentNamespace(ctx.serverDistDir),
    memoryBytes: ctx.maxMemoryCacheSize ?? DEFAULT_MEMORY_BYTES,
  });
  return processCache;
}

/**
 * A class with Next's incremental cache handler interface, over the SharedCache `cacheOf` picks.
 * @param {(ctx: CacheHandlerContext) => SharedCache} cacheOf
 */
export function cacheHandlerClass(cacheOf) {
  /** @implements {CacheHandler} */
  class RedisCacheHandler {
    #cache;

    /** @param {CacheHandlerContext} ctx */
    constructor(ctx) {
      this.#cache = cacheOf(ctx);
    }

    /** @type {CacheHandler['get']} */
    get(key, ctx) {
      return this.#cache.get(key, ctx);
    }

    /** @type {CacheHandler['set']} */
    set(key, data, ctx) {
      return this.#cache.set(key, data, ctx);
    }

    /** @type {CacheHandler['revalidateTag']} */
    revalidateTag(tags, durations) {
      return this.#cache.revalidateTag(tags, durations);
    }

    resetRequestCache() {
      // Nothing is cached per request here.
    }
  }
  return RedisCacheHandler;
}

export default cacheHandlerClass(sharedCache);
