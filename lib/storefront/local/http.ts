import type { ExecutionResult } from 'graphql';
import { BodyTooLarge, plainRequestFromFetch, responseFromPlain, type PlainAnswer, type PlainRequest } from '@/lib/http/plain-http';
import { RequestError } from './documents';
import type { OperationRequest } from './execute';

const MAX_BODY_BYTES = 100_000;
const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, x-shopify-storefront-access-token, x-sdk-variant, x-sdk-variant-source, x-sdk-version, shopify-storefront-id',
  'Access-Control-Max-Age': '86400',
};

function answer(status: number, payload: unknown, extra: Record<string, string> = {}): PlainAnswer {
  return { status, headers: { ...CORS_HEADERS, 'Content-Type': 'application/json', ...extra }, body: JSON.stringify(payload) };
}

function graphqlError(status: number, message: string, extra: Record<string, string> = {}): PlainAnswer {
  return answer(status, { errors: [{ message }] }, extra);
}

/** GraphQL over HTTP the way Shopify's endpoint behaves, with a clear error for every bad request. */
export async function answerGraphQLRequest(request: PlainRequest, run: (operation: OperationRequest) => Promise<ExecutionResult>): Promise<PlainAnswer> {
  if (request.method === 'OPTIONS') return { status: 204, headers: CORS_HEADERS, body: null };
  if (request.method !== 'POST') {
    return graphqlError(405, `Use POST to send GraphQL operations to the local store (got ${request.method}).`, { Allow: 'POST, OPTIONS' });
  }
  const contentType = request.contentType ?? '';
  if (!JSON_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase())) {
    return graphqlError(415, `Send the operation as JSON with "Content-Type: application/json" (got "${contentType || 'no content type'}").`);
  }

  let raw: string;
  try {
    raw = await request.readBody(MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return graphqlError(413, `The request body is larger than the local store accepts (${MAX_BODY_BYTES.toLocaleString('en-US')} bytes).`);
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return graphqlError(400, 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return graphqlError(400, 'The request body must be a JSON object with a "query" string (batched operations are not supported).');
  }
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || !query.trim()) return graphqlError(400, 'The request needs a "query" string with the GraphQL operation.');
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return graphqlError(400, '"variables" must be a JSON object.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return graphqlError(400, '"operationName" must be a string.');
  }

  try {
    return answer(200, await run({ query, variables: variables as Record<string, unknown> | null | undefined, operationName: operationName as string | null | undefined }));
  } catch (error) {
    if (error instanceof RequestError) {
      return answer(400, { errors: error.errors.map((item) => ({ message: item.message, locations: item.locations })) });
    }
    console.error('[local store]', error);
    return graphqlError(500, 'The local store failed to run this operation; the server log has the details.');
  }
}

/** The same endpoint for a Fetch API Request (the Next route handler, tests). */
export async function handleGraphQLRequest(request: Request, run: (operation: OperationRequest) => Promise<ExecutionResult>): Promise<Response> {
  return responseFromPlain(await answerGraphQLRequest(plainRequestFromFetch(request), run));
}
