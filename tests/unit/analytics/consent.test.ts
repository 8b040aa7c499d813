import { describe, expect, it } from 'vitest';
import {
  choiceCookie,
  CONSENT_COOKIE,
  decide,
  NOTHING,
  readStoredChoice,
} from '@/lib/analytics/consent';
import { countryFromHeader, rulesForCountry } from '@/lib/analytics/country-rules';
import { getContent } from '@/lib/content';
import type { ConsentRules } from '@/lib/content';

const ALL = { analytics: true, marketing: true };
const ANALYTICS_ONLY = { analytics: true, marketing: false };
const rules: ConsentRules = {
  bannerCountries: ['DE', 'FR', 'GB'],
  unknownCountry: 'banner',
  elsewhere: ALL,
};

describe('the consent cookie', () => {
  it('round-trips every choice through the value the browser stores', () => {
    for (const choice of [ALL, ANALYTICS_ONLY, { analytics: false, marketing: true }, NOTHING]) {
      const cookie = choiceCookie(choice, false);
      const stored = cookie.slice(0, cookie.indexOf(';'));
      expect(readStoredChoice(`cart=abc; ${stored}; other=1`)).toEqual(choice);
    }
  });

  it('is first-party, Lax, six months, and Secure over HTTPS', () => {
    expect(choiceCookie(ANALYTICS_ONLY, true)).toBe(
      `${CONSENT_COOKIE}=analytics; Path=/; Max-Age=15552000; SameSite=Lax; Secure`,
    );
    expect(choiceCookie(NOTHING, false)).toBe(
      `${CONSENT_COOKIE}=none; Path=/; Max-Age=15552000; SameSite=Lax`,
    );
  });

  it('treats a missing or tampered value as no choice, so the shopper is asked again', () => {
    expect(readStoredChoice('')).toBeNull();
    expect(readStoredChoice('cart=abc')).toBeNull();
    expect(readStoredChoice(`${CONSENT_COOKIE}=everything`)).toBeNull();
    expect(readStoredChoice(`${CONSENT_COOKIE}=analytics.ads`)).toBeNull();
    expect(readStoredChoice(`x${CONSENT_COOKIE}=analytics`)).toBeNull();
  });
});

describe('what a page may measure', () => {
  const banner = { bannerRequired: true, defaults: NOTHING };
  const noBanner = { bannerRequired: false, defaults: ALL };

  it('asks first where a banner is required and nothing is stored', () => {
    expect(decide(null, banner, false)).toBeNull();
  });

  it('opens the gate where no banner is required: the default applies without asking', () => {
    expect(decide(null, noBanner, false)).toEqual(ALL);
  });

  it("the shopper's stored choice wins over the country's default either way", () => {
    expect(decide(NOTHING, noBanner, false)).toEqual(NOTHING);
    expect(decide(ALL, banner, false)).toEqual(ALL);
  });

  it('Global Privacy Control turns marketing off in the default and in a stored choice', () => {
    expect(decide(null, noBanner, true)).toEqual(ANALYTICS_ONLY);
    expect(decide(ALL, banner, true)).toEqual(ANALYTICS_ONLY);
    expect(decide(null, banner, true)).toBeNull();
  });
});

describe("the store's rules by country", () => {
  it('a banner country asks first; any other country gets the default', () => {
    expect(rulesForCountry(rules, 'DE')).toEqual({ bannerRequired: true, defaults: NOTHING });
    expect(rulesForCountry(rules, 'US')).toEqual({ bannerRequired: false, defaults: ALL });
  });

  it('an unknown country follows unknownCountry', () => {
    expect(rulesForCountry(rules, null).bannerRequired).toBe(true);
    expect(rulesForCountry({ ...rules, unknownCountry: 'elsewhere' }, null)).toEqual({
      bannerRequired: false,
      defaults: ALL,
    });
  });

  it('reads the header as CDNs send it, and takes their "unknown" codes for unknown', () => {
    expect(countryFromHeader('de')).toBe('DE');
    expect(countryFromHeader(' US ')).toBe('US');
    for (const unknown of [null, '', 'XX', 'T1', 'EU', 'USA', 'd'])
      expect(countryFromHeader(unknown)).toBeNull();
  });

  it('the shipped content asks in Germany and the UK, and measures by default in the US', () => {
    const shipped = getContent().site.consent;
    expect(rulesForCountry(shipped, 'DE').bannerRequired).toBe(true);
    expect(rulesForCountry(shipped, 'GB').bannerRequired).toBe(true);
    expect(rulesForCountry(shipped, 'US')).toEqual({ bannerRequired: false, defaults: ALL });
  });
});
