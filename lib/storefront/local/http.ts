import type { ExecutionResult } from 'graphql';
import { RequestError, type OperationRequest } from './execute';

const MAX_BODY_BYTES = 100_000;

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, x-shopify-storefront-access-token, x-sdk-variant, x-sdk-variant-source, x-sdk-version, shopify-storefront-id',
};

function graphqlError(status: number, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { ...CORS_HEADERS, ...extra } });
}

/** GraphQL over HTTP the way Shopify's endpoint behaves, with a clear error for every bad request. */
export async function handleGraphQLRequest(request: Request, run: (operation: OperationRequest) => Promise<ExecutionResult>): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
  if (request.method !== 'POST') {
    return graphqlError(405, `Use POST to send GraphQL operations to the local store (got ${request.method}).`, { Allow: 'POST, OPTIONS' });
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/(graphql\+)?json\b/i.test(contentType)) {
    return graphqlError(415, `Send the operation as JSON with "Content-Type: application/json" (got "${contentType || 'none'}").`);
  }
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return graphqlError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return graphqlError(400, 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return graphqlError(400, 'The request body must be a JSON object with a "query".');
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || !query.trim()) return graphqlError(400, 'The request needs a "query" string.');
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return graphqlError(400, '"variables" must be a JSON object.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return graphqlError(400, '"operationName" must be a string.');
  }

  try {
    const result = await run({ query, variables: variables as Record<string, unknown> | undefined, operationName: operationName as string | undefined });
    return Response.json(result, { status: 200, headers: CORS_HEADERS });
  } catch (error) {
    if (error instanceof RequestError) {
      return Response.json({ errors: error.errors.map((item) => ({ message: item.message, locations: item.locations })) }, { status: 400, headers: CORS_HEADERS });
    }
    console.error('[local store]', error);
    return graphqlError(500, 'The local store failed to run this operation.');
  }
}
