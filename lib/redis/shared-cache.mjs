// @ts-check
import { deserialize, serialize } from 'node:v8';
import { LRUCache } from 'lru-cache';
import { RedisUnavailableError } from './client.mjs';

/**
 * @typedef {import('./client.mjs').RedisConnection} RedisConnection
 * @typedef {import('next/dist/server/lib/cache-control').CacheControl} CacheControl
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue
 * @typedef {import('next/dist/server/response-cache').IncrementalCacheValue} IncrementalCacheValue
 */

/**
 * The parts of Next's get() context this cache reads (fetch entries carry their tags here).
 * @typedef {object} GetContext
 * @property {string} kind
 * @property {string[]} [tags]
 * @property {string[]} [softTags]
 * @property {number | false} [revalidate]
 */

/**
 * The parts of Next's set() context this cache reads.
 * @typedef {object} SetContext
 * @property {boolean} [fetchCache]
 * @property {string[]} [tags]
 * @property {CacheControl} [cacheControl]
 */

/**
 * @typedef {object} StoredEntry
 * @property {IncrementalCacheValue | null} value
 * @property {number} lastModified
 * @property {string[]} tags
 * @property {CacheControl} [cacheControl]
 */

/**
 * What revalidateTag() recorded for a tag, as Next's own tags manifest does: entries written before
 * `stale` are served once more while they are rendered again; entries written before `expired` are
 * not served once that moment has come.
 * @typedef {{ stale?: number, expired?: number }} TagState
 */

/** @typedef {{ entry: StoredEntry, size: number }} Remembered */

/** Where Next puts a page's tags (its own and the implicit per-path ones) in a cached response. */
const TAGS_HEADER = 'x-next-cache-tags';
/**
 * The longest an entry stays in Redis after it was written. A page nobody asked for in a day is
 * rendered again on the next request, so Redis holds what is in use, not every key ever made.
 */
export const MAX_ENTRY_AGE_MS = 24 * 60 * 60 * 1000;
/** Revalidated tags this instance remembers for its memory fallback; far more than the catalog has. */
const LOCAL_TAG_LIMIT = 10_000;

/**
 * Next's incremental cache (ISR pages, route handlers, fetch data) in Redis, so every instance
 * serves the same entry and a tag revalidated on one instance is revalidated on all: entries live
 * under their deployment's namespace with a TTL, tags' revalidation times are shared by every
 * deployment and checked on each read. Each instance also keeps what it wrote and read in a bounded
 * memory, served while Redis is unavailable; revalidations made meanwhile are sent when it is back.
 */
export class SharedCache {
  #redis;
  #namespace;
  /** @type {LRUCache<string, Remembered> | null} */
  #memory;
  /** @type {LRUCache<string, TagState>} */
  #localTags = new LRUCache({ max: LOCAL_TAG_LIMIT });
  /**
   * Revalidations Redis has not acknowledged yet.
   * @type {Map<string, TagState>}
   */
  #unsentTags = new Map();

  /**
   * @param {object} options
   * @param {RedisConnection} options.redis
   * @param {string} options.namespace Entries of one deployment are never served by another (their
   *   HTML names its own scripts).
   * @param {number} options.memoryBytes This instance's memory for when Redis is unavailable; 0 for none.
   */
  constructor({ redis, namespace, memoryBytes }) {
    this.#redis = redis;
    this.#namespace = namespace;
    this.#memory =
      memoryBytes > 0
        ? new LRUCache({ maxSize: memoryBytes, sizeCalculation: (item) => Math.max(1, item.size) })
        : null;
    // Revalidations made while Redis was unavailable go out once it answers again: on reconnection,
    // or (when the connection survived a stall) with the next operation that succeeds.
    redis.client.on('ready', () => this.#sendTagsIfAny());
  }

  /**
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    try {
      const found = await this.#redis.run(async ({ binary }) => {
        const blob = await binary.get(this.#entryKey(key));
        const entry = blob ? decode(blob) : null;
        return blob && entry ? { entry, size: blob.length } : null;
      });
      this.#sendTagsIfAny();
      if (!found) return null;
      const tags = tagsToCheck(found.entry, ctx);
      const states = await this.#readTags(tags);
      this.#memory?.set(key, found);
      return answer(found.entry, ctx, tags, states);
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) throw error;
      const remembered = this.#memory?.get(key);
      if (!remembered) return null;
      const tags = tagsToCheck(remembered.entry, ctx);
      return answer(remembered.entry, ctx, tags, this.#localStates(tags));
    }
  }

  /**
   * @param {string} key
   * @param {IncrementalCacheValue | null} value
   * @param {SetContext} ctx
   */
  async set(key, value, ctx) {
    /** @type {StoredEntry} */
    const entry = {
      value,
      lastModified: Date.now(),
      tags: entryTags(value, ctx),
      ...(ctx.fetchCache || !ctx.cacheControl ? {} : { cacheControl: ctx.cacheControl }),
    };
    const blob = serialize(entry);
    this.#memory?.set(key, { entry, size: blob.length });
    try {
      await this.#redis.run(({ binary }) =>
        binary.set(this.#entryKey(key), blob, {
          expiration: { type: 'PX', value: lifetimeMs(entry) },
        }),
      );
      this.#sendTagsIfAny();
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) throw error;
    }
  }

  /**
   * `durations` absent (revalidatePath, updateTag): entries with these tags are not served again.
   * Present (revalidateTag with a profile such as 'max'): they are served once more while the next
   * request renders them again, and not at all after `expire` seconds.
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length === 0) return;
    const now = Date.now();
    /** @type {TagState} */
    const update = durations
      ? {
          stale: now,
          ...(durations.expire === undefined ? {} : { expired: now + durations.expire * 1000 }),
        }
      : { expired: now };
    for (const tag of list) {
      this.#localTags.set(tag, { ...this.#localTags.get(tag), ...update });
      this.#unsentTags.set(tag, { ...this.#unsentTags.get(tag), ...update });
    }
    await this.#sendTags();
  }

  /** @param {string} key */
  #entryKey(key) {
    return `next-cache:entry:${this.#namespace}:${key}`;
  }

  #sendTagsIfAny() {
    if (this.#unsentTags.size > 0) this.#sendTags().catch(() => undefined);
  }

  async #sendTags() {
    if (this.#unsentTags.size === 0) return;
    const sending = [...this.#unsentTags];
    try {
      await this.#redis.run(({ client }) => {
        const batch = client.multi();
        for (const [tag, state] of sending) {
          const key = tagKey(tag);
          batch.hSet(
            key,
            Object.fromEntries(Object.entries(state).map(([k, v]) => [k, String(v)])),
          );
          // An entry older than MAX_ENTRY_AGE_MS is gone, so the record can go after that; NX then
          // GT keeps the longest lifetime any revalidation of this tag asked for.
          const lifetime = MAX_ENTRY_AGE_MS + Math.max(0, (state.expired ?? 0) - Date.now());
          batch.pExpire(key, lifetime, 'NX');
          batch.pExpire(key, lifetime, 'GT');
        }
        return batch.exec();
      });
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) throw error;
      return;
    }
    for (const [tag, state] of sending) {
      if (this.#unsentTags.get(tag) === state) this.#unsentTags.delete(tag);
    }
  }

  /**
   * @param {string[]} tags
   * @returns {Promise<Map<string, TagState>>}
   */
  async #readTags(tags) {
    /** @type {Map<string, TagState>} */
    const states = new Map();
    if (tags.length === 0) return states;
    const replies = await this.#redis.run(({ client }) => {
      const batch = client.multi();
      for (const tag of tags) batch.hmGet(tagKey(tag), ['stale', 'expired']);
      return batch.execAsPipeline();
    });
    tags.forEach((tag, index) => {
      const [stale, expired] =
        /** @type {Array<string | null> | undefined} */ (replies[index]) ?? [];
      /** @type {TagState} */
      const state = {
        ...(stale ? { stale: Number(stale) } : {}),
        ...(expired ? { expired: Number(expired) } : {}),
        // A revalidation Redis has not acknowledged yet is newer than what Redis says.
        ...this.#unsentTags.get(tag),
      };
      if (state.stale !== undefined || state.expired !== undefined) {
        states.set(tag, state);
        this.#localTags.set(tag, state);
      }
    });
    return states;
  }

  /** @param {string[]} tags */
  #localStates(tags) {
    /** @type {Map<string, TagState>} */
    const states = new Map();
    for (const tag of tags) {
      const state = this.#localTags.get(tag);
      if (state) states.set(tag, state);
    }
    return states;
  }
}

/** @param {string} tag */
function tagKey(tag) {
  return `next-cache:tag:${tag}`;
}

/**
 * @param {Buffer} blob
 * @returns {StoredEntry | null}
 */
function decode(blob) {
  try {
    const entry = /** @type {StoredEntry | undefined} */ (deserialize(blob));
    return typeof entry?.lastModified === 'number' && Array.isArray(entry.tags) ? entry : null;
  } catch {
    // Written by an incompatible Node or damaged: a miss, and the render that follows replaces it.
    return null;
  }
}

/**
 * @param {IncrementalCacheValue | null} value
 * @param {SetContext} ctx
 * @returns {string[]}
 */
function entryTags(value, ctx) {
  if (ctx.fetchCache) return ctx.tags ?? [];
  const header = value && 'headers' in value ? value.headers?.[TAGS_HEADER] : undefined;
  return typeof header === 'string' && header ? header.split(',') : [];
}

/**
 * @param {StoredEntry} entry
 * @param {GetContext} ctx
 */
function tagsToCheck(entry, ctx) {
  return [...new Set([...entry.tags, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])])];
}

/** @param {StoredEntry} entry */
function lifetimeMs(entry) {
  const expire = entry.cacheControl?.expire;
  return typeof expire === 'number' && expire > 0
    ? Math.min(expire * 1000, MAX_ENTRY_AGE_MS)
    : MAX_ENTRY_AGE_MS;
}

/**
 * Seconds after which Next renders this entry again, or undefined when it never does by time.
 * @param {StoredEntry} entry
 * @param {GetContext} ctx
 */
function revalidateSeconds(entry, ctx) {
  const value = entry.value;
  const seconds =
    value && /** @type {string} */ (value.kind) === 'FETCH' && 'revalidate' in value
      ? ctx.revalidate || value.revalidate
      : entry.cacheControl?.revalidate;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}

/**
 * @param {StoredEntry} entry
 * @param {GetContext} ctx
 * @param {string[]} tags
 * @param {Map<string, TagState>} states
 * @returns {CacheHandlerValue | null}
 */
function answer(entry, ctx, tags, states) {
  const now = Date.now();
  let stale = false;
  for (const tag of tags) {
    const state = states.get(tag);
    if (!state) continue;
    if (state.expired !== undefined && state.expired <= now && state.expired > entry.lastModified)
      return null;
    if (state.stale !== undefined && state.stale > entry.lastModified) stale = true;
  }
  /** @type {CacheHandlerValue} */
  const found = {
    value: entry.value,
    lastModified: entry.lastModified,
    ...(entry.cacheControl ? { cacheControl: entry.cacheControl } : {}),
  };
  if (!stale) return found;
  // Next decides staleness from the entry's age and its revalidate time, and consults only its own
  // process's tag records; an entry made stale on another instance is reported as old enough to be
  // stale, so Next serves it once and renders it again in the background, as for a local revalidation.
  const seconds = revalidateSeconds(entry, ctx);
  if (seconds === undefined) return null;
  return { ...found, lastModified: Math.min(entry.lastModified, now - seconds * 1000 - 1) };
}
