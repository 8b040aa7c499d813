import { handleLocalStorefrontRequest } from '@/lib/storefront/local-endpoint';

/** The embedded local store, at the path Shopify serves its Storefront API from. */
export const POST = handleLocalStorefrontRequest;
export const GET = handleLocalStorefrontRequest;
export const OPTIONS = handleLocalStorefrontRequest;
