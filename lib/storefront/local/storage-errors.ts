import Database from 'better-sqlite3';
import { GraphQLError } from 'graphql';

/** What a shopper is told when SQLite fails: never SQLite's own text, which is for the operator. */
export const STORE_UNAVAILABLE_MESSAGE =
  'The store could not save your cart right now. Please try again in a moment.';
export const ORDER_UNAVAILABLE_MESSAGE =
  'The store could not place your order right now. Please try again in a moment.';

export const storeUnavailable = () =>
  new GraphQLError(STORE_UNAVAILABLE_MESSAGE, { extensions: { code: 'STORE_UNAVAILABLE' } });

/** Thrown by reads outside GraphQL (getOrder) when the database fails; its message is safe to show. */
export class StoreUnavailableError extends Error {
  constructor() {
    super(STORE_UNAVAILABLE_MESSAGE);
    this.name = 'StoreUnavailableError';
  }
}

type SqliteError = InstanceType<typeof Database.SqliteError>;

export const isStorageError = (error: unknown): error is SqliteError =>
  error instanceof Database.SqliteError;

/** What the operator can do about each family of SQLite result codes. */
function hint(code: string): string {
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return 'the file is damaged: stop the server, restore it from a backup or move it aside (a new, empty store is created on start)';
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_PERM')
  )
    return 'the store cannot write: check the permissions and mount of the file and its directory';
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk failed a read or write';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return 'another process held the database lock for longer than the 5 s busy timeout';
  return 'see the SQLite result code';
}

/** Repeats of one code are summarised rather than logged one by one: a broken disk fails every request. */
const REPEAT_WINDOW_MS = 60_000;

/**
 * Logs SQLite failures for the operator: one line per result code per minute, with the file, the
 * operation, SQLite's message and what to check. Remembers the last failure for the health check.
 */
export function createStorageErrorLog(file: string, clock: () => number) {
  const seen = new Map<string, { at: number; repeats: number }>();
  let last: { code: string; at: number } | null = null;

  function report(error: SqliteError | Error, operation: string): void {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : 'open failed';
    const now = clock();
    last = { code, at: now };
    const previous = seen.get(code);
    if (previous && now - previous.at < REPEAT_WINDOW_MS) {
      previous.repeats++;
      return;
    }
    const repeats = previous?.repeats ? ` (${previous.repeats} more since the last report)` : '';
    seen.set(code, { at: now, repeats: 0 });
    console.error(
      `[local store] ${code} on ${file} during ${operation}: ${error.message}; ${hint(code)}. Shoppers are asked to try again${repeats}.`,
    );
  }

  /** The last failure if it happened within the past minute. */
  const recent = () => (last && clock() - last.at < REPEAT_WINDOW_MS ? last : null);

  return { report, recent };
}

export type StorageErrorLog = ReturnType<typeof createStorageErrorLog>;
