import 'server-only';
import { unstable_cache } from 'next/cache';
import { getContent } from '@/lib/content';
import { getShop, storefrontConfig, StorefrontError } from '@/lib/storefront';
import { countryFromHeader, countryHeaderName, rulesForCountry } from './country-rules';
import type { AnalyticsSetup, ShopifyAnalyticsSetup } from './setup';

/** A Tag Manager container id as Google writes it, e.g. GTM-ABC1234; anything else is ignored. */
export function gtmContainerId(): string | null {
  const id = process.env.GTM_ID?.trim() ?? '';
  return /^GTM-[A-Z0-9]{4,12}$/.test(id) ? id : null;
}

/** The shop changes its id never and its currency rarely: asked once an hour per store, not per shopper. */
const cachedShop = (storeDomain: string) =>
  unstable_cache(getShop, ['analytics-shop', storeDomain], { revalidate: 3600, tags: ['shop'] })();

/** Where Shopify's checkout runs: PUBLIC_CHECKOUT_DOMAIN, else the store's own domain. */
export function checkoutDomain(storeDomain: string): string {
  const configured = process.env.PUBLIC_CHECKOUT_DOMAIN?.trim();
  if (configured) return configured;
  return URL.canParse(storeDomain) ? new URL(storeDomain).host : storeDomain;
}

/** Null in local mode (nothing goes to Shopify) and while the store cannot say which shop it is. */
export async function shopifyAnalyticsSetup(): Promise<ShopifyAnalyticsSetup | null> {
  const config = storefrontConfig();
  if (config.mode !== 'shopify') return null;
  try {
    const shop = await cachedShop(config.storeDomain);
    return {
      shopId: shop.id,
      currency: shop.currencyCode,
      acceptedLanguage: getContent().site.language.slice(0, 2).toUpperCase(),
      checkoutDomain: checkoutDomain(config.storeDomain),
      storefrontAccessToken: config.publicToken,
    };
  } catch (error) {
    if (!(error instanceof StorefrontError)) throw error;
    console.error(
      `[analytics] the shop's id is unavailable: ${error.message}`,
      error.details ?? '',
    );
    return null;
  }
}

/** What GET /api/analytics answers for one request: its country's rules and the configured destinations. */
export async function analyticsSetupFor(headers: Headers): Promise<AnalyticsSetup> {
  const country = countryFromHeader(headers.get(countryHeaderName()));
  return {
    ...rulesForCountry(getContent().site.consent, country),
    gpc: headers.get('sec-gpc') === '1',
    shopify: await shopifyAnalyticsSetup(),
    gtmId: gtmContainerId(),
  };
}
