import type { ExecutionResult } from 'graphql';
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

function graphqlError(status: number, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { ...CORS_HEADERS, ...extra } });
}

class TooLarge extends Error {}

/** The body as text, refusing to buffer more than the limit whatever Content-Length claims. */
async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) throw new TooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GraphQL over HTTP the way Shopify's endpoint behaves, with a clear error for every bad request. */
export async function handleGraphQLRequest(request: Request, run: (operation: OperationRequest) => Promise<ExecutionResult>): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
  if (request.method !== 'POST') {
    return graphqlError(405, `Use POST to send GraphQL operations to the local store (got ${request.method}).`, { Allow: 'POST, OPTIONS' });
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!JSON_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase())) {
    return graphqlError(415, `Send the operation as JSON with "Content-Type: application/json" (got "${contentType || 'no content type'}").`);
  }

  let raw: string;
  try {
    raw = await readBody(request);
  } catch (error) {
    if (error instanceof TooLarge) return graphqlError(413, `The request body is larger than the local store accepts (${MAX_BODY_BYTES.toLocaleString('en-US')} bytes).`);
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
    const result = await run({ query, variables: variables as Record<string, unknown> | null | undefined, operationName: operationName as string | null | undefined });
    return Response.json(result, { status: 200, headers: CORS_HEADERS });
  } catch (error) {
    if (error instanceof RequestError) {
      return Response.json({ errors: error.errors.map((item) => ({ message: item.message, locations: item.locations })) }, { status: 400, headers: CORS_HEADERS });
    }
    console.error('[local store]', error);
    return graphqlError(500, 'The local store failed to run this operation; the server log has the details.');
  }
}
