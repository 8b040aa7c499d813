import { GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { storefrontSchema } from './schema';

/** Errors from parsing or validation: the request itself is wrong (HTTP 400), nothing ran. */
export class RequestError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

const MAX_CACHED_DOCUMENTS = 200;
const documents = new Map<string, DocumentNode>();

/**
 * Parsed and validated once per query text, so a repeated mutation costs only its execution.
 * Least recently used texts go first; invalid documents are never cached.
 */
export function prepareDocument(query: string): DocumentNode {
  const cached = documents.get(query);
  if (cached) {
    documents.delete(query);
    documents.set(query, cached);
    return cached;
  }
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
