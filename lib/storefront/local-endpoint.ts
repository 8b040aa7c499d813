import { plainRequestFromFetch, responseFromPlain, type PlainAnswer, type PlainRequest } from '@/lib/http/plain-http';
import { storefrontConfig } from './config';
import { getLocalStore } from './local/instance';

/** Where Shopify serves its Storefront API, so where the local store answers: /api/<version>/graphql.json. */
export const STOREFRONT_API_PATH = /^\/api\/[^/]+\/graphql\.json$/;

const LOCAL_STORE_OFF = JSON.stringify({ errors: [{ message: 'The local store is off: this site uses a Shopify store (PUBLIC_STORE_DOMAIN is set).' }] });

/**
 * The embedded local store's endpoint. The production HTTP front (lib/http/serve.ts) calls it without
 * Next's router or Fetch API objects: at 20 concurrent connections those cost more than the store's work.
 */
export async function answerLocalStorefrontRequest(request: PlainRequest): Promise<PlainAnswer> {
  if (storefrontConfig().mode !== 'local') return { status: 404, headers: { 'Content-Type': 'application/json' }, body: LOCAL_STORE_OFF };
  return getLocalStore().answerRequest(request);
}

/** The same endpoint as a Next route handler (`next dev`, and any request that reaches Next). */
export async function handleLocalStorefrontRequest(request: Request): Promise<Response> {
  return responseFromPlain(await answerLocalStorefrontRequest(plainRequestFromFetch(request)));
}
