import { storefrontConfig } from '@/lib/storefront';
import { getLocalStore } from '@/lib/storefront/local/instance';

/** The embedded local store, at the path Shopify serves its Storefront API from. */
async function handle(request: Request): Promise<Response> {
  if (storefrontConfig().mode !== 'local') {
    return Response.json(
      { errors: [{ message: 'The local store is off: this site uses a Shopify store (PUBLIC_STORE_DOMAIN is set).' }] },
      { status: 404 },
    );
  }
  return getLocalStore().handleRequest(request);
}

export const POST = handle;
export const GET = handle;
export const OPTIONS = handle;
