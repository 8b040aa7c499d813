import type { CountryRules } from './consent';

/** What Shopify's analytics and its Customer Privacy API need in the browser; null in local mode. */
export interface ShopifyAnalyticsSetup {
  /** `gid://shopify/Shop/…`, from the Storefront API's `shop { id }`. */
  shopId: string;
  currency: string;
  /** The page's language as a Storefront API LanguageCode, e.g. EN. */
  acceptedLanguage: string;
  /** Where Shopify's checkout runs (e.g. checkout.example.com): the Customer Privacy API records consent there. */
  checkoutDomain: string;
  /** The public Storefront API token (never the private one): the Customer Privacy API sends it. */
  storefrontAccessToken: string;
}

/** The answer of GET /api/analytics: this shopper's rules and where measurements may go. */
export interface AnalyticsSetup extends CountryRules {
  /** The browser sent `Sec-GPC: 1` (Global Privacy Control). */
  gpc: boolean;
  shopify: ShopifyAnalyticsSetup | null;
  /** The Google Tag Manager container, only when the store configured one (GTM_ID). */
  gtmId: string | null;
}
