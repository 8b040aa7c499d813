import { countryCodeProblem } from '@/lib/content';
import type { ConsentRules } from '@/lib/content/types';
import { NOTHING, type CountryRules } from './consent';

/**
 * The header the edge (CDN or nginx) sets to the shopper's country, overwriting anything the client
 * sent. Pages are static, so the country can only come from the request for /api/analytics.
 */
export function countryHeaderName(): string {
  return process.env.VISITOR_COUNTRY_HEADER?.trim().toLowerCase() || 'x-visitor-country';
}

/** "de" → "DE"; null for a missing value or one that is no country (CDNs send XX or T1 when unsure). */
export function countryFromHeader(value: string | null): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return countryCodeProblem(code) === null ? code : null;
}

/** The store's rules (content/site.yaml `consent:`) applied to one country. */
export function rulesForCountry(rules: ConsentRules, country: string | null): CountryRules {
  const bannerRequired =
    country === null ? rules.unknownCountry === 'banner' : rules.bannerCountries.includes(country);
  return { bannerRequired, defaults: bannerRequired ? NOTHING : rules.elsewhere };
}
