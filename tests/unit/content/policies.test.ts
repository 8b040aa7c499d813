import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContent } from '@/lib/content';
import { contentCopy, errorsOf, lineOf } from './fixture';

const POLICIES = 'content/policies.yaml';
const PRODUCT = 'content/products/vitamin-d3-k2/product.yaml';

const warningsOf = (root: string) =>
  checkContent(root)
    .issues.filter((issue) => issue.severity === 'warning')
    .map((issue) => `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`);

/** A copy of content/ with one line of policies.yaml replaced; the line it ends up on. */
function withPolicyLine(from: string, to: string) {
  const copy = contentCopy();
  copy.edit(POLICIES, (text) => text.replace(from, to));
  return { copy, line: lineOf(copy.root, POLICIES, to.trim()) };
}

afterEach(() => vi.useRealTimers());

describe('content/policies.yaml', () => {
  it('the shipped policies load as the buy box, the policy page and the structured data read them', () => {
    const { content, issues } = checkContent(process.cwd());
    expect(issues.filter((issue) => issue.file === POLICIES)).toEqual([]);
    expect(content?.policies.shipping).toMatchObject({
      countries: ['US'],
      rate: '4.95',
      freeOver: '35.00',
      handlingDays: { min: 1, max: 2 },
      transitDays: { min: 2, max: 4 },
      cutoff: '14:00',
      timeZone: 'America/New_York',
      businessDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    });
    expect(content?.policies.returns).toMatchObject({
      days: 30,
      returnShipping: 'free',
      openedBottles: true,
    });
    expect(content?.policies.subscriptions.renewal).toMatch(
      /renews automatically until you cancel/,
    );
  });

  it('a missing field is reported with its name and a hint', () => {
    const copy = contentCopy();
    copy.edit(POLICIES, (text) => text.replace('  rate: 4.95\n', ''));
    const line = lineOf(copy.root, POLICIES, 'countries: [US]');
    expect(errorsOf(copy.root)).toEqual([`${POLICIES}:${line}:3: shipping.rate: is required`]);
    expect(checkContent(copy.root).issues[0]?.hint).toBe(
      'Add a line "rate: …" to this entry, lined up with its other fields.',
    );
  });

  it.each([
    [
      'timeZone: America/New_York',
      'timeZone: EST',
      13,
      'shipping.timeZone: must be a time zone name like America/New_York or America/Los_Angeles',
    ],
    [
      'timeZone: America/New_York',
      'timeZone: America/Atlantis',
      13,
      'shipping.timeZone: must be a time zone name like America/New_York or America/Los_Angeles',
    ],
    [
      'cutoff: "14:00"',
      'cutoff: 2pm',
      11,
      'shipping.cutoff: must be a time written HH:MM on a 24-hour clock, like "14:00" for 2 pm',
    ],
    [
      'cutoff: "14:00"',
      'cutoff: 1400',
      11,
      'shipping.cutoff: must be a time in quotes written HH:MM on a 24-hour clock, like "14:00"',
    ],
    [
      'handlingDays: 1-2',
      'handlingDays: 2-1',
      17,
      'shipping.handlingDays: 2-1 runs backwards; write the smaller number first, like 1-2',
    ],
    [
      'transitDays: 2-4',
      'transitDays: two to four',
      16,
      'shipping.transitDays: must be business days like 2, or a range like 1-2',
    ],
    [
      'transitDays: 2-4',
      'transitDays: 1.5',
      16,
      'shipping.transitDays: must be business days like 2, or a range like 1-2',
    ],
    [
      'countries: [US]',
      'countries: [UK]',
      15,
      'shipping.countries[0]: must be a two-letter country code (ISO 3166-1) in capitals, like US, CA or GB',
    ],
    [
      'rate: 4.95',
      'rate: $4.95',
      9,
      'shipping.rate: must be a number like 4.95, without a currency sign (0 for free shipping)',
    ],
    [
      'businessDays: [Monday, Tuesday, Wednesday, Thursday, Friday]',
      'businessDays: [Mon, Tuesday, Wednesday, Thursday, Friday]',
      18,
      'shipping.businessDays[0]: "Mon" is not a day of the week; write Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
    ],
    [
      '    - 2027-01-18',
      '    - 2027-02-30',
      7,
      'shipping.holidays[2]: must be a real date written YYYY-MM-DD, e.g. 2025-06-27',
    ],
    [
      'returnShipping: free',
      'returnShipping: store',
      19,
      'returns.returnShipping: must be free (the store pays for the return label) or customer (the shopper pays)',
    ],
    [
      'openedBottles: true',
      'openedBottles: yes',
      18,
      'returns.openedBottles: must be true or false',
    ],
  ])('%s → %s is refused at its line and column', (from, to, column, message) => {
    const { copy, line } = withPolicyLine(from, to);
    expect(errorsOf(copy.root)).toEqual([`${POLICIES}:${line}:${column}: ${message}`]);
  });

  it('a holiday listed twice is reported at the second, naming the first', () => {
    const copy = contentCopy();
    copy.edit(POLICIES, (text) => text.replace('    - 2027-01-18\n', '    - 2027-01-01\n'));
    const first = lineOf(copy.root, POLICIES, '- 2027-01-01');
    expect(errorsOf(copy.root)).toEqual([
      `${POLICIES}:${first + 1}:7: 2027-01-01 is listed twice (first on line ${first})`,
    ]);
  });

  it('warns a month before the holidays run out, and not before', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-11-25T12:00:00Z'));
    const line = lineOf(process.cwd(), POLICIES, 'holidays:');
    expect(warningsOf(process.cwd()).filter((warning) => warning.startsWith(POLICIES))).toEqual([
      `${POLICIES}:${line + 1}:5: shipping.holidays: the last holiday listed is 2027-12-24; delivery dates after it count every business day`,
    ]);
    vi.setSystemTime(new Date('2027-11-24T12:00:00Z'));
    expect(warningsOf(process.cwd()).filter((warning) => warning.startsWith(POLICIES))).toEqual([]);
  });
});

describe('subscription terms and the compliance rules', () => {
  it('"free" without its condition is refused where it stands', () => {
    const copy = contentCopy();
    copy.edit(POLICIES, (text) =>
      text.replace(
        'There is no fee to cancel',
        'Cancelling is free, and there is no fee to cancel',
      ),
    );
    const line = lineOf(copy.root, POLICIES, 'Cancelling is free');
    const column =
      1 + readFileSync(`${copy.root}/${POLICIES}`, 'utf8').split('\n')[line - 1]!.indexOf('free');
    expect(errorsOf(copy.root)).toEqual([
      `${POLICIES}:${line}:${column}: "free" without its terms: subscription copy that offers something free must say on what condition, with the number, in the same sentence`,
    ]);
  });

  it('an offer that states its terms with the number passes, and "gluten-free" is not an offer', () => {
    const copy = contentCopy();
    copy.edit(POLICIES, (text) =>
      text.replace(
        'renewal: The subscription renews automatically until you cancel it.',
        'renewal: The first delivery ships free, then $4.95 on orders under $35.00. It is gluten-free. The subscription renews automatically until you cancel it.',
      ),
    );
    expect(errorsOf(copy.root)).toEqual([]);
  });

  it('a plan name in product.yaml is read by the same rule', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(
        '  - intervalDays: 60\n    percentOff: 10\n',
        '  - intervalDays: 60\n    percentOff: 10\n    name: Every two months, risk-free\n',
      ),
    );
    const line = lineOf(copy.root, PRODUCT, 'risk-free');
    expect(errorsOf(copy.root)).toEqual([
      `${PRODUCT}:${line}:29: "risk-free" without its terms: subscription copy that offers something free must say on what condition, with the number, in the same sentence`,
    ]);
  });

  it('a disease claim in the terms is refused like anywhere else', () => {
    const copy = contentCopy();
    copy.edit(POLICIES, (text) =>
      text.replace(
        'renewal: The subscription renews automatically until you cancel it.',
        'renewal: The subscription renews automatically and prevents osteoporosis.',
      ),
    );
    expect(errorsOf(copy.root)).toEqual([
      expect.stringMatching(
        new RegExp(`^${POLICIES}:\\d+:\\d+: Disease claim "prevents osteoporosis"`),
      ),
    ]);
  });
});

describe('barcode numbers on variants', () => {
  it('a GTIN with its check digit is kept for the structured data; none is ever made up', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(
        '    sku: D3K2-60\n',
        '    sku: D3K2-60\n    gtin: "4006381333931"\n    mpn: NF-D3K2-60\n',
      ),
    );
    const product = checkContent(copy.root).content?.products.find(
      (candidate) => candidate.handle === 'vitamin-d3-k2',
    );
    expect(product?.variants.map(({ sku, gtin, mpn }) => [sku, gtin, mpn])).toEqual([
      ['D3K2-60', '4006381333931', 'NF-D3K2-60'],
      ['D3K2-120', null, null],
    ]);
  });

  it.each([
    [
      'gtin: "4006381333932"',
      'must be the 8, 12, 13 or 14 digits under the barcode, with its check digit; one of them is off',
    ],
    ['gtin: 4006381333931', 'must be the barcode number in quotes, e.g. "00812345000019"'],
  ])('%s is refused', (line, message) => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace('    sku: D3K2-60\n', `    sku: D3K2-60\n    ${line}\n`),
    );
    const at = lineOf(copy.root, PRODUCT, line);
    expect(errorsOf(copy.root)).toEqual([`${PRODUCT}:${at}:11: variants[0].gtin: ${message}`]);
  });
});
