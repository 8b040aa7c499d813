/**
 * Sent by Next with every response. The page loads nothing from other origins, so the policy can be
 * strict. Scripts are the exception: Next's static pages carry inline scripts (the RSC payload) that
 * a header fixed at build time cannot name, so the script policy, with a fresh nonce per response, is
 * added by the nginx front (deploy/nginx) for every page it serves. The README says why.
 */
export const contentSecurityPolicy = [
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Where hydrogen-react's sendShopifyAnalytics posts its events. */
export const SHOPIFY_ANALYTICS_ORIGIN = 'https://monorail-edge.shopifysvc.com';
/** Google's list for GA4 through Tag Manager ("Content Security Policy" in Google's tag developer guide). */
const GOOGLE_ANALYTICS_CONNECT = [
  'https://*.google-analytics.com',
  'https://*.analytics.google.com',
  'https://*.googletagmanager.com',
];
const GOOGLE_ANALYTICS_IMG = ['https://*.google-analytics.com', 'https://*.googletagmanager.com'];

export interface AnalyticsCspSources {
  'connect-src': string[];
  'img-src': string[];
}

/**
 * What the nginx front's policy (which has `default-src 'self'`) must add for the analytics that are
 * configured, and nothing for those that are not. Scripts need nothing: under `'strict-dynamic'` the
 * Customer Privacy API (cdn.shopify.com) and the Tag Manager container, added by the app's own
 * nonce-trusted scripts, are trusted with them, and host lists in script-src are ignored.
 * - Shopify mode: Shopify's analytics, and the checkout domain where the Customer Privacy API
 *   records consent (PUBLIC_CHECKOUT_DOMAIN, else the store's domain);
 * - GTM_ID: GA4's collection and Tag Manager's own requests.
 */
export function analyticsCspSources(env: Record<string, string | undefined>): AnalyticsCspSources {
  const store = env.PUBLIC_STORE_DOMAIN?.trim();
  const checkout = env.PUBLIC_CHECKOUT_DOMAIN?.trim() || (store && hostOf(store));
  const gtm = Boolean(env.GTM_ID?.trim());
  return {
    'connect-src': [
      ...(store ? [SHOPIFY_ANALYTICS_ORIGIN, `https://${checkout}`] : []),
      ...(gtm ? GOOGLE_ANALYTICS_CONNECT : []),
    ],
    'img-src': gtm ? GOOGLE_ANALYTICS_IMG : [],
  };
}

const hostOf = (domain: string) => (URL.canParse(domain) ? new URL(domain).host : domain);

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  // Browsers ignore HSTS on plain HTTP, so it is safe to send always; over HTTPS it pins the site.
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
