import {
  execute,
  GraphQLError,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLTypeResolver,
} from 'graphql';
import { prepareDocument, RequestError } from './documents';
import { formatNumber, LIMITS, limitError } from './limits';
import { notImplemented } from './not-implemented';
import { createRootValue } from './root';
import { storefrontSchema } from './schema';
import { isStorageError, storeUnavailable, type StorageErrorLog } from './storage-errors';
import type { StoreContext } from './product-objects';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * The execution time of one request, as seen between resolver calls. A gap longer than MAX_GAP_MS is a
 * pause, not work (garbage collection, the OS running other processes, a wait for SQLite's write lock
 * inside a mutation), and counts as MAX_GAP_MS: a request whose selections multiply costs many short
 * gaps, so pauses under load cannot fail an ordinary request, nor save an expensive one.
 */
interface Clock {
  usedMs: number;
  last: number;
  passed: boolean;
}

const MAX_GAP_MS = 20;

const EXECUTION_TIME_MESSAGE = `Execution time limit of ${LIMITS.executionMs} ms exceeded.`;

const internalError = () =>
  new GraphQLError(
    'The local store failed to run this operation; the server log has the details.',
    { extensions: { code: 'INTERNAL_SERVER_ERROR' } },
  );

/** Interfaces and unions (Merchandise, BaseCartLine, discount allocations) resolve by the object's own `__typename`. */
const typeResolver: GraphQLTypeResolver<unknown, unknown> = (value) =>
  value !== null && typeof value === 'object' && '__typename' in value
    ? String((value as { __typename: unknown }).__typename)
    : undefined;

/** Checks the request's shape and its variables' size; throws RequestError. */
function checkRequest(request: unknown): OperationRequest {
  const { query, variables, operationName } = (request ?? {}) as Record<string, unknown>;
  const refuse = (message: string) => new RequestError([new GraphQLError(message)]);
  if (typeof query !== 'string' || !query.trim())
    throw refuse('The request needs a "query" string with the GraphQL operation.');
  if (operationName != null && typeof operationName !== 'string')
    throw refuse('"operationName" must be a string.');
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
    throw refuse('"variables" must be an object.');
  let json: string | undefined;
  try {
    json = JSON.stringify(variables ?? {});
  } catch {
    throw refuse('"variables" must be plain JSON values.');
  }
  const bytes = Buffer.byteLength(json ?? '');
  if (bytes > LIMITS.variablesBytes) {
    throw new RequestError([
      limitError(
        'variablesBytes',
        `Variables size limit of ${formatNumber(LIMITS.variablesBytes)} bytes exceeded, found ${formatNumber(bytes)}.`,
      ),
    ]);
  }
  return {
    query,
    variables: variables as Record<string, unknown> | null | undefined,
    operationName: operationName as string | null | undefined,
  };
}

export function createExecutor(context: StoreContext, storageErrors: StorageErrorLog) {
  const rootValue = createRootValue(context);

  /** A resolver's failure as the shopper may see it: SQLite's and JavaScript's own texts stay in the log. */
  function safeError(error: unknown, info: GraphQLResolveInfo): GraphQLError {
    if (error instanceof GraphQLError) return error;
    const operation = `${info.parentType.name}.${info.fieldName}`;
    if (isStorageError(error)) {
      storageErrors.report(error, operation);
      return storeUnavailable();
    }
    console.error(`[local store] ${operation} failed:`, error);
    return internalError();
  }

  /**
   * Our objects carry exactly the fields the local store implements (a function when it needs
   * arguments or is costly); anything else in the schema errors by name, so a missing feature is never
   * mistaken for a null from Shopify. Own properties only: `constructor` is not a field. Every field
   * passes here, so this is also where the execution time limit is enforced.
   */
  const fieldResolver: GraphQLFieldResolver<unknown, Clock> = (source, args, clock, info) => {
    const now = performance.now();
    clock.usedMs += Math.min(now - clock.last, MAX_GAP_MS);
    clock.last = now;
    if (clock.passed || clock.usedMs > LIMITS.executionMs) {
      clock.passed = true;
      throw limitError('executionMs', EXECUTION_TIME_MESSAGE);
    }
    if (source === null || typeof source !== 'object' || !Object.hasOwn(source, info.fieldName))
      throw notImplemented(info);
    const value: unknown = (source as Record<string, unknown>)[info.fieldName];
    if (typeof value !== 'function') return value;
    try {
      return (value as (...rest: unknown[]) => unknown).call(source, args, clock, info);
    } catch (error) {
      throw safeError(error, info);
    }
  };

  /** Once the time is up every remaining field fails: the answer says so once, not once per field. */
  function oneTimeLimitError(result: ExecutionResult): ExecutionResult {
    const errors = result.errors ?? [];
    const first = errors.find((error) => error.message === EXECUTION_TIME_MESSAGE);
    return {
      ...result,
      errors: [
        ...(first ? [first] : []),
        ...errors.filter((error) => error.message !== EXECUTION_TIME_MESSAGE),
      ],
    };
  }

  function capResponse(result: ExecutionResult): ExecutionResult {
    const bytes = Buffer.byteLength(JSON.stringify(result));
    if (bytes <= LIMITS.responseBytes) return result;
    return {
      errors: [
        limitError(
          'responseBytes',
          `Response size limit of ${formatNumber(LIMITS.responseBytes)} bytes exceeded, found ${formatNumber(bytes)}.`,
        ),
      ],
    };
  }

  /**
   * Runs one operation and never throws. A request that cannot run at all (limits, syntax, validation,
   * variables, operation name) answers `{ errors }` without `data`, as Shopify's 400 body does.
   */
  return async function run(request: OperationRequest): Promise<ExecutionResult> {
    try {
      const { query, variables, operationName } = checkRequest(request);
      const document = prepareDocument(query);
      const clock: Clock = { usedMs: 0, last: performance.now(), passed: false };
      const result = await execute({
        schema: storefrontSchema(),
        document,
        rootValue,
        contextValue: clock,
        variableValues: variables ?? undefined,
        operationName: operationName ?? undefined,
        fieldResolver,
        typeResolver,
      });
      // Variable coercion and operation selection fail before any field runs: there is no data.
      if (!('data' in result) || result.data === undefined) return { errors: result.errors ?? [] };
      return capResponse(clock.passed ? oneTimeLimitError(result) : result);
    } catch (error) {
      if (error instanceof RequestError) return { errors: error.errors };
      console.error('[local store] operation failed:', error);
      return { errors: [internalError()] };
    }
  };
}
