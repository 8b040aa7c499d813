import { siteUrl } from '../site-url';

/** The Storefront API version that the installed @shopify/hydrogen-react is built for. */
const SFAPI_VERSION = '2026-04';

/**
 * Which storefront the app talks to. With PUBLIC_STORE_DOMAIN unset it is the embedded local store,
 * run in this process; otherwise a Shopify store, called from the server only. Only env vars differ.
 */
export interface StorefrontConfig {
  mode: 'local' | 'shopify';
  /** "my-shop.myshopify.com" or a full origin; for the local store, the site's own origin. */
  storeDomain: string;
  apiVersion: string;
  /** The public Storefront API token, used when no private token is set. */
  publicToken: string;
  /** The private (server) token Shopify recommends for server-side calls; never leaves the server. */
  privateToken: string | undefined;
  /** Requests slower than this fail, so a slow store cannot hang a page or an action. */
  timeoutMs: number;
}

export function storefrontConfig(): StorefrontConfig {
  const domain = process.env.PUBLIC_STORE_DOMAIN?.trim();
  const common = {
    apiVersion: process.env.PUBLIC_STOREFRONT_API_VERSION?.trim() || SFAPI_VERSION,
    timeoutMs: Number(process.env.STOREFRONT_TIMEOUT_MS) || 4000,
  };
  if (!domain) {
    const local = { storeDomain: siteUrl(), publicToken: 'local-store', privateToken: undefined };
    return { mode: 'local', ...local, ...common };
  }
  const publicToken = process.env.PUBLIC_STOREFRONT_API_TOKEN?.trim();
  if (!publicToken) {
    throw new Error(
      'PUBLIC_STORE_DOMAIN is set but PUBLIC_STOREFRONT_API_TOKEN is not: set the Storefront API token, or unset the domain to use the local store.',
    );
  }
  const privateToken = process.env.PRIVATE_STOREFRONT_API_TOKEN?.trim() || undefined;
  return { mode: 'shopify', storeDomain: domain, publicToken, privateToken, ...common };
}
