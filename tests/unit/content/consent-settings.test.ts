import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content';
import { contentCopy, errorsOf, lineOf } from './fixture';

const SITE = 'content/site.yaml';
const COUNTRIES = /bannerCountries: \[[^\]]*\]/;

/** The shipped list replaced by `codes`; `at(n)` is where the n-th entry (from 0) starts, as file:line:column. */
function withCountries(codes: string) {
  const copy = contentCopy();
  copy.edit(SITE, (text) => text.replace(COUNTRIES, `bannerCountries: [${codes}]`));
  const line = lineOf(copy.root, SITE, 'bannerCountries:');
  const start = `  bannerCountries: [`.length + 1;
  const offsets = codes
    .split(', ')
    .map((_, index, all) => all.slice(0, index).join(', ').length + (index ? 2 : 0));
  return { root: copy.root, at: (entry: number) => `${SITE}:${line}:${start + offsets[entry]!}` };
}

describe('content/site.yaml consent: the privacy rules, validated like every content field', () => {
  it('the shipped rules load: a banner in the EU, EEA, UK and Switzerland, measured elsewhere', () => {
    const consent = checkContent().content!.site.consent;
    expect(consent.bannerCountries).toEqual(expect.arrayContaining(['DE', 'FR', 'GB', 'CH', 'NO']));
    expect(consent.bannerCountries).not.toContain('US');
    expect(consent).toMatchObject({
      unknownCountry: 'banner',
      elsewhere: { analytics: true, marketing: true },
    });
  });

  it('a lower-case, an unknown and a group code each name their entry, line and column', () => {
    const { root, at } = withCountries('DE, fr, XX, EU');
    expect(errorsOf(root)).toEqual([
      `${at(1)}: consent.bannerCountries[1]: must be a two-letter country code in capitals, e.g. DE`,
      `${at(2)}: consent.bannerCountries[2]: XX is not a country code`,
      `${at(3)}: consent.bannerCountries[3]: EU is a group, not a country; list each member country`,
    ]);
  });

  it('an old alias says how the header writes it, and a repeated country points at the repeat', () => {
    const { root, at } = withCountries('GB, DE, UK, DE');
    expect(errorsOf(root)).toEqual([
      `${at(2)}: consent.bannerCountries[2]: UK is written GB`,
      `${at(3)}: consent.bannerCountries[3]: DE is listed twice (first as entry 2)`,
    ]);
  });

  it('unknownCountry must be banner or elsewhere; elsewhere needs true or false for each purpose', () => {
    const copy = contentCopy();
    copy.edit(SITE, (text) =>
      text
        .replace('unknownCountry: banner', 'unknownCountry: ask')
        .replace('marketing: true', 'marketing: yes please'),
    );
    expect(errorsOf(copy.root)).toEqual([
      `${SITE}:${lineOf(copy.root, SITE, 'unknownCountry:')}:19: consent.unknownCountry: must be banner (ask first) or elsewhere (the default for other countries)`,
      `${SITE}:${lineOf(copy.root, SITE, 'marketing: yes')}:16: consent.elsewhere.marketing: must be true or false: whether marketing is measured`,
    ]);
  });

  it('without a consent block the build stops and says so', () => {
    const copy = contentCopy();
    copy.edit(SITE, (text) => text.slice(0, text.indexOf('\n# Privacy choices')) + '\n');
    expect(errorsOf(copy.root)).toEqual([
      expect.stringMatching(/^content\/site\.yaml:\d+:\d+: consent: is required$/),
    ]);
  });
});
