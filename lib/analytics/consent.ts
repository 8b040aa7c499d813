import type { ConsentChoice } from '@/lib/content/types';

export type { ConsentChoice };

/** First-party and read by this site's script only; a choice lasts six months, then the shopper is asked again. */
export const CONSENT_COOKIE = 'privacy_choices';
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export const NOTHING: ConsentChoice = { analytics: false, marketing: false };

/** What the rules for this shopper's country say, as /api/analytics answers it. */
export interface CountryRules {
  /** The shopper chooses before anything is measured. */
  bannerRequired: boolean;
  /** What is measured until the shopper chooses (NOTHING where a banner is required). */
  defaults: ConsentChoice;
}

/** The stored choice in a `document.cookie` string, or null when there is none (or it is not ours). */
export function readStoredChoice(cookies: string): ConsentChoice | null {
  const entry = cookies.split(/;\s*/).find((part) => part.startsWith(`${CONSENT_COOKIE}=`));
  if (entry === undefined) return null;
  const value = entry.slice(CONSENT_COOKIE.length + 1);
  if (value === 'none') return NOTHING;
  const purposes = value.split('.');
  if (!purposes.every((purpose) => purpose === 'analytics' || purpose === 'marketing')) return null;
  return { analytics: purposes.includes('analytics'), marketing: purposes.includes('marketing') };
}

/** The cookie that remembers `choice`, e.g. `privacy_choices=analytics; Path=/; …`. */
export function choiceCookie(choice: ConsentChoice, secure: boolean): string {
  const value =
    [choice.analytics && 'analytics', choice.marketing && 'marketing'].filter(Boolean).join('.') ||
    'none';
  return `${CONSENT_COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * What this page may measure: the shopper's own choice, else the default of a country that needs no
 * banner; null when the shopper must be asked first. Global Privacy Control is a standing refusal of
 * marketing (the "sale or sharing" of data), whatever was stored or is the default.
 */
export function decide(
  stored: ConsentChoice | null,
  rules: CountryRules,
  gpc: boolean,
): ConsentChoice | null {
  const choice = stored ?? (rules.bannerRequired ? null : rules.defaults);
  return choice && gpc ? { ...choice, marketing: false } : choice;
}

export const measuresAnything = (choice: ConsentChoice | null) =>
  Boolean(choice && (choice.analytics || choice.marketing));
