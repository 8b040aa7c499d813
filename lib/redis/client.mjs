// @ts-check
import { createClient, RESP_TYPES } from 'redis';

// Plain JavaScript (type-checked from its JSDoc), like the cache handler that imports it: Next loads
// that handler with Node's own loader, which reads no TypeScript. No 'server-only' guard, for the
// same reason.

/**
 * Longest a single Redis operation may take before the caller goes on without Redis. Redis on the
 * same network answers in about a millisecond; a request must never wait on a Redis that stopped
 * answering.
 */
export const REDIS_DEADLINE_MS = 300;
const CONNECT_TIMEOUT_MS = 1_000;
/** After an operation timed out, Redis is skipped this long instead of costing every request a deadline. */
const SKIP_AFTER_TIMEOUT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

const UNAVAILABLE = Symbol.for('d3k2-storefront.redis-unavailable');

export class RedisUnavailableError extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super(`Redis is unavailable: ${reason}`);
    this.name = 'RedisUnavailableError';
    Object.defineProperty(this, UNAVAILABLE, { value: true });
  }

  // This module can be loaded more than once in a process (see SHARED below), and the error one copy
  // throws must be recognised by the others.
  /**
   * @param {unknown} value
   * @returns {value is RedisUnavailableError}
   */
  static [Symbol.hasInstance](value) {
    return typeof value === 'object' && value !== null && UNAVAILABLE in value;
  }
}

/**
 * @typedef {object} RedisHealth
 * @property {'connected' | 'unavailable'} state
 * @property {string} [detail] Why it is unavailable, in words safe to publish (no address or credentials).
 */

/** @param {string} url */
function makeClient(url) {
  return createClient({
    url,
    // A command sent while disconnected fails at once rather than waiting for a reconnection.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  });
}

/** @typedef {ReturnType<typeof makeClient>} RedisClient */

/**
 * One connection to Redis with the rules every user of it needs: it connects in the background and
 * keeps reconnecting, and an operation either finishes within REDIS_DEADLINE_MS or fails with
 * RedisUnavailableError, so callers fall back to their own memory instead of waiting.
 */
export class RedisConnection {
  /** @type {RedisClient} */
  client;
  /** The same connection answering strings as Buffers, for values that are bytes. */
  binary;
  #skipUntil = 0;
  /** @type {string | undefined} */
  #lastProblem = 'not connected yet';
  #loggedDown = false;

  /** @param {string} url */
  constructor(url) {
    this.client = makeClient(url);
    this.binary = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    this.client.on('ready', () => {
      this.#lastProblem = undefined;
      this.#skipUntil = 0;
      if (this.#loggedDown) console.info('[redis] connected again');
      this.#loggedDown = false;
    });
    // Without a listener an 'error' event would crash the process; each outage is logged once.
    this.client.on('error', (/** @type {unknown} */ error) => this.#noteProblem(describe(error)));
    this.client.connect().catch((error) => this.#noteProblem(describe(error)));
    // An idle connection must not keep a finished process (a build worker, a test) alive.
    this.client.unref();
  }

  /** Connected, and not skipped after a timeout. */
  get ready() {
    return this.client.isReady && Date.now() >= this.#skipUntil;
  }

  /**
   * Runs `operation`, or throws RedisUnavailableError when Redis is down, failing or too slow.
   * @template T
   * @param {(connection: RedisConnection) => Promise<T>} operation
   * @returns {Promise<T>}
   */
  async run(operation) {
    if (!this.client.isReady) throw new RedisUnavailableError(this.#lastProblem ?? 'not connected');
    if (Date.now() < this.#skipUntil) throw new RedisUnavailableError('it stopped answering');
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    /** @type {Promise<never>} */
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => {
        this.#skipUntil = Date.now() + SKIP_AFTER_TIMEOUT_MS;
        reject(new RedisUnavailableError(`no answer within ${REDIS_DEADLINE_MS} ms`));
      }, REDIS_DEADLINE_MS);
    });
    try {
      return await Promise.race([operation(this), deadline]);
    } catch (error) {
      if (error instanceof RedisUnavailableError) {
        this.#noteProblem(error.message);
        throw error;
      }
      this.#noteProblem(describe(error));
      throw new RedisUnavailableError(describe(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** @returns {RedisHealth} */
  health() {
    if (this.ready) return { state: 'connected' };
    return {
      state: 'unavailable',
      detail:
        Date.now() < this.#skipUntil
          ? 'Redis stopped answering in time.'
          : 'Redis cannot be reached; reconnecting.',
    };
  }

  async close() {
    if (this.client.isOpen) await this.client.close().catch(() => undefined);
  }

  /** @param {string} problem */
  #noteProblem(problem) {
    this.#lastProblem = problem;
    if (this.#loggedDown) return;
    this.#loggedDown = true;
    console.error(
      `[redis] ${problem}; the cache and the limits run on this instance's memory until it is back`,
    );
  }
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message || error.name : String(error);
}

// Next loads the cache handler outside the bundles that hold the rest of the server's code, so this
// module can exist more than once in one process; the connection lives on globalThis so all share one.
const SHARED = Symbol.for('d3k2-storefront.redis-connection');

/**
 * This process's connection to REDIS_URL (lib/scale-out.ts says what setting it means), opened on
 * first use; null when REDIS_URL is not set.
 * @returns {RedisConnection | null}
 */
export function sharedRedis() {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return null;
  const registry = /** @type {{ [SHARED]?: RedisConnection }} */ (globalThis);
  registry[SHARED] ??= new RedisConnection(url);
  return registry[SHARED];
}

/**
 * Redis's state for the health endpoint; null when this instance does not use Redis.
 * @returns {RedisHealth | null}
 */
export function redisHealth() {
  return sharedRedis()?.health() ?? null;
}
