import { GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { formatNumber, LIMIT_RULES, LIMITS, limitError } from './limits';
import { storefrontSchema } from './schema';

/** Errors from checking the request, parsing or validation: the request itself is wrong, nothing ran. */
export class RequestError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

const MAX_CACHED_DOCUMENTS = 200;
const documents = new Map<string, DocumentNode>();

/**
 * Parsed and validated once per query text, so a repeated mutation costs only its execution.
 * Least recently used texts go first; refused documents are never cached.
 */
export function prepareDocument(query: string): DocumentNode {
  const cached = documents.get(query);
  if (cached) {
    documents.delete(query);
    documents.set(query, cached);
    return cached;
  }
  const bytes = Buffer.byteLength(query);
  if (bytes > LIMITS.queryBytes) {
    throw new RequestError([
      limitError(
        'queryBytes',
        `Query size limit of ${formatNumber(LIMITS.queryBytes)} bytes exceeded, found ${formatNumber(bytes)}.`,
      ),
    ]);
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: LIMITS.tokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // graphql-js words it "Document contains more that 1000 tokens" (sic); said here like the other limits.
    const tooLong = /contains more th\w+ \d+ tokens/.test(error.message);
    throw new RequestError([
      tooLong
        ? limitError(
            'tokens',
            `Token limit of ${formatNumber(LIMITS.tokens)} exceeded: parsing stopped.`,
          )
        : error,
    ]);
  }
  const schema = storefrontSchema();
  const refused = validate(schema, document, LIMIT_RULES);
  if (refused.length > 0) throw new RequestError(refused);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new RequestError(errors);
  if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value!);
  documents.set(query, document);
  return document;
}
