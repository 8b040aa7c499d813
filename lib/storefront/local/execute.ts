import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLTypeResolver,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { fieldPath, notImplemented } from './not-implemented';
import { createRootValue } from './root';
import { storefrontSchema } from './schema';
import { isStorageError, storeUnavailable, type StorageErrorLog } from './storage-errors';
import type { StoreContext } from './product-objects';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

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

/**
 * Validating a document against Shopify's schema costs several times what executing it does, and the
 * app sends the same few documents again and again: each text is parsed and validated once.
 */
const validDocuments = new LRUCache<string, DocumentNode>({ max: 64 });

/** The document, or why Shopify would refuse it: its syntax, or validation against Shopify's schema. */
function prepare(query: string): DocumentNode | readonly GraphQLError[] {
  const known = validDocuments.get(query);
  if (known) return known;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  const invalid = validate(storefrontSchema(), document);
  if (invalid.length > 0) return invalid;
  validDocuments.set(query, document);
  return document;
}

export function createExecutor(context: StoreContext, storageErrors: StorageErrorLog) {
  const rootValue = createRootValue(context);

  /** A resolver's failure as the shopper may see it: SQLite's and JavaScript's own texts stay in the log. */
  function safeError(error: unknown, info: GraphQLResolveInfo): GraphQLError {
    if (error instanceof GraphQLError) return error;
    const operation = fieldPath(info);
    if (isStorageError(error)) {
      storageErrors.report(error, operation);
      return storeUnavailable();
    }
    console.error(`[local store] ${operation} failed:`, error);
    return internalError();
  }

  /**
   * A field our object lacks errors by name (product-objects.ts), so a missing feature is never
   * mistaken for a null from Shopify. Own properties only: `constructor` is not a field.
   */
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
    if (source === null || typeof source !== 'object' || !Object.hasOwn(source, info.fieldName))
      throw notImplemented(fieldPath(info));
    const value: unknown = (source as Record<string, unknown>)[info.fieldName];
    if (typeof value !== 'function') return value;
    try {
      return (value as (...rest: unknown[]) => unknown).call(source, args, undefined, info);
    } catch (error) {
      throw safeError(error, info);
    }
  };

  /** LocalStore.execute: never throws. */
  return async function run(request: OperationRequest): Promise<ExecutionResult> {
    try {
      const document = prepare(request.query);
      if (!('kind' in document)) return { errors: document };
      const result = await execute({
        schema: storefrontSchema(),
        document,
        rootValue,
        variableValues: request.variables ?? undefined,
        operationName: request.operationName ?? undefined,
        fieldResolver,
        typeResolver,
      });
      // Variable coercion and operation selection fail before any field runs: there is no data.
      if (result.data === undefined) return { errors: result.errors ?? [] };
      return result;
    } catch (error) {
      console.error('[local store] operation failed:', error);
      return { errors: [internalError()] };
    }
  };
}
