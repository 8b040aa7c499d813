import { storefrontConfig } from './config';
import { getLocalStore } from './local/instance';
import type { GraphQLHttpAnswer, GraphQLHttpRequest } from './local';

/** Where Shopify serves its Storefront API, so where the local store answers: /api/<version>/graphql.json. */
export const STOREFRONT_API_PATH = /^\/api\/[^/]+\/graphql\.json$/;

const LOCAL_STORE_OFF = { errors: [{ message: 'The local store is off: this site uses a Shopify store (PUBLIC_STORE_DOMAIN is set).' }] };

/** The embedded local store's endpoint for the Next route handler (`next dev`, and any request Next gets). */
export async function handleLocalStorefrontRequest(request: Request): Promise<Response> {
  if (storefrontConfig().mode !== 'local') return Response.json(LOCAL_STORE_OFF, { status: 404 });
  return getLocalStore().handleRequest(request);
}

/**
 * The same endpoint for the production HTTP front (lib/http/serve.ts), which answers it without Next's
 * router or Fetch API objects: at 20 concurrent connections those cost more than the store's own work.
 */
export async function answerLocalStorefrontRequest(request: GraphQLHttpRequest): Promise<GraphQLHttpAnswer> {
  if (storefrontConfig().mode !== 'local') {
    return { status: 404, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(LOCAL_STORE_OFF) };
  }
  return getLocalStore().answerRequest(request);
}
