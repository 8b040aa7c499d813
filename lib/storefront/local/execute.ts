import { execute, type ExecutionResult, type GraphQLFieldResolver, type GraphQLTypeResolver } from 'graphql';
import { prepareDocument, RequestError } from './documents';
import { notImplemented } from './not-implemented';
import type { StoreContext } from './product-objects';
import { createRootValue } from './root';
import { storefrontSchema } from './schema';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * Our objects carry exactly the fields the local store implements (a function when it needs
 * arguments or is costly); anything else in the schema errors by name, so a missing feature is never
 * mistaken for a null from Shopify. Own properties only: `constructor` is not a field.
 */
const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source !== null && typeof source === 'object' && Object.hasOwn(source, info.fieldName)) {
    const value: unknown = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === 'function' ? (value as (...rest: unknown[]) => unknown).call(source, args, context, info) : value;
  }
  throw notImplemented(info);
};

/** Interfaces and unions (Merchandise, Node, discount allocations) resolve by the object's own `__typename`. */
const typeResolver: GraphQLTypeResolver<unknown, unknown> = (value) =>
  value !== null && typeof value === 'object' && '__typename' in value ? String((value as { __typename: unknown }).__typename) : undefined;

export function createExecutor(context: StoreContext) {
  const rootValue = createRootValue(context);

  /** Throws RequestError when nothing could run (bad document, variables or operation name). */
  return async function run(request: OperationRequest): Promise<ExecutionResult> {
    const document = prepareDocument(request.query);
    const result = await execute({
      schema: storefrontSchema(),
      document,
      rootValue,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      fieldResolver,
      typeResolver,
    });
    // Variable coercion and operation selection fail before any field runs; field errors carry a path.
    if (!('data' in result) || result.data === undefined) throw new RequestError(result.errors ?? []);
    return result;
  };
}

export { RequestError };
