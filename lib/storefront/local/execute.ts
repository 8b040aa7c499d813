import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from 'graphql';
import { cartObject } from './cart-objects';
import { connection as connectionOf } from './connection';
import { parseGid } from './ids';
import { createMutations } from './mutations';
import { productObject, type StoreContext } from './product-objects';
import { storefrontSchema } from './schema';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** Errors from parsing or validation: the request itself is wrong (HTTP 400), nothing ran. */
export class RequestError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/**
 * Our objects carry the fields the local store implements; anything else the schema allows answers
 * with an error naming the field, so a missing feature is never mistaken for a null from Shopify.
 */
const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source !== null && typeof source === 'object' && info.fieldName in source) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === 'function' ? (value as (...rest: unknown[]) => unknown).call(source, args, context, info) : value;
  }
  throw new GraphQLError(`The local store does not implement ${info.parentType.name}.${info.fieldName}.`, {
    extensions: { code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' },
  });
};

const typeResolver: GraphQLTypeResolver<unknown, unknown> = (value) =>
  value !== null && typeof value === 'object' && '__typename' in value ? String((value as { __typename: unknown }).__typename) : undefined;

const documents = new Map<string, DocumentNode>();
const MAX_CACHED_DOCUMENTS = 200;

/** Parsed and validated once per query text: repeated mutations only pay for execution. */
function prepare(query: string): DocumentNode {
  const cached = documents.get(query);
  if (cached) return cached;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    throw new RequestError([error instanceof GraphQLError ? error : new GraphQLError(String(error))]);
  }
  const errors = validate(storefrontSchema(), document);
  if (errors.length > 0) throw new RequestError(errors);
  if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value!);
  documents.set(query, document);
  return document;
}

export function createExecutor(context: StoreContext) {
  const rootValue = {
    product: ({ handle, id }: { handle?: string; id?: string }) => {
      const key = handle ?? parseGid(id, 'Product');
      const product = key ? context.catalog.product(key) : undefined;
      return product ? productObject(context, product) : null;
    },
    products: (args: Record<string, number>) => {
      const products = context.catalog.allProducts().map((product) => productObject(context, product));
      return { ...connectionOf(products, args), filters: [] };
    },
    cart: ({ id }: { id: string }) => {
      const token = parseGid(id, 'Cart');
      const cart = token ? context.carts.find(token) : null;
      return cart ? cartObject(context, cart) : null;
    },
    ...createMutations(context),
  };

  return async function run(request: OperationRequest): Promise<ExecutionResult> {
    const document = prepare(request.query);
    const result = await execute({
      schema: storefrontSchema(),
      document,
      rootValue,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      fieldResolver,
      typeResolver,
    });
    if (result.errors?.some((error) => error.path === undefined)) {
      // Variable coercion and operation selection fail before any field runs: a bad request.
      throw new RequestError(result.errors);
    }
    return result;
  };
}
