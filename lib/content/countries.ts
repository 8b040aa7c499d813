const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * What is wrong with a two-letter country code, or null for a country an edge's country header can
 * name (ISO 3166-1 alpha-2). Groups (EU) and old aliases (UK for GB) are refused: no header carries
 * them, so a rule naming them would never match.
 */
export function countryCodeProblem(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return 'must be a two-letter country code in capitals, e.g. DE';
  if (code === 'EU') return 'EU is a group, not a country; list each member country';
  const canonical = Intl.getCanonicalLocales(`und-${code}`)[0]!.slice(4);
  if (canonical !== code) return `${code} is written ${canonical}`;
  if (regionNames.of(code) === code) return `${code} is not a country code`;
  return null;
}
