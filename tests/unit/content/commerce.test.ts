import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, toCatalog } from '@/lib/content';
import { contentCopy, errorsOf, lineOf } from './fixture';

const PRODUCT = 'content/products/vitamin-d3-k2/product.yaml';
const DISCOUNTS = 'content/discounts.yaml';

/** "file:line:column" of the first line containing `needle`, at the column where `at` starts on it. */
function at(root: string, file: string, needle: string, start: string = needle): string {
  const line = lineOf(root, file, needle);
  const text = fs.readFileSync(path.join(root, file), 'utf8').split('\n')[line - 1]!;
  return `${file}:${line}:${text.indexOf(start) + 1}`;
}

describe('subscribe & save plans in product.yaml', () => {
  it('the flagship offers 30, 60 and 90 days at 10% off, named for the shopper; the D3-only product offers none', () => {
    const { content } = checkContent();
    const byHandle = new Map(content!.products.map((product) => [product.handle, product]));
    expect(byHandle.get('vitamin-d3-k2')!.subscriptions).toEqual([
      { intervalDays: 30, percentOff: 10, name: 'Delivers every 30 days, 10% off' },
      { intervalDays: 60, percentOff: 10, name: 'Delivers every 60 days, 10% off' },
      { intervalDays: 90, percentOff: 10, name: 'Delivers every 90 days, 10% off' },
    ]);
    expect(byHandle.get('vitamin-d3')!.subscriptions).toEqual([]);
    // The local store sells what content declares.
    expect(
      toCatalog(content!).products.find((product) => product.handle === 'vitamin-d3-k2')!
        .subscriptions,
    ).toHaveLength(3);
  });

  it('a name, when given, is used as written', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(
        '  - intervalDays: 60\n    percentOff: 10\n',
        '  - intervalDays: 60\n    percentOff: 10\n    name: Every two months, 10% off\n',
      ),
    );
    const product = checkContent(copy.root).content!.products.find(
      (candidate) => candidate.handle === 'vitamin-d3-k2',
    )!;
    expect(product.subscriptions.map((plan) => plan.name)).toEqual([
      'Delivers every 30 days, 10% off',
      'Every two months, 10% off',
      'Delivers every 90 days, 10% off',
    ]);
  });

  it.each([
    ['30.5', 'must be a whole number of days from 1 to 365'],
    ['0', 'must be a whole number of days from 1 to 365'],
    ['366', 'must be a whole number of days from 1 to 365'],
    ['monthly', 'must be a whole number of days from 1 to 365'],
  ])('intervalDays: %s', (value, message) => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace('  - intervalDays: 60\n', `  - intervalDays: ${value}\n`),
    );
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, PRODUCT, `intervalDays: ${value}`, value)}: subscriptions[1].intervalDays: ${message}`,
    ]);
  });

  it.each([['0'], ['91'], ['12.5'], ['"10%"']])('percentOff: %s', (value) => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(
        '  - intervalDays: 90\n    percentOff: 10\n',
        `  - intervalDays: 90\n    percentOff: ${value}\n`,
      ),
    );
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, PRODUCT, `percentOff: ${value}`, value)}: subscriptions[2].percentOff: must be a whole number from 1 to 90`,
    ]);
  });

  it('an interval offered twice is reported at the second, naming the first', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) => text.replace('  - intervalDays: 60\n', '  - intervalDays: 30\n'));
    const first = lineOf(copy.root, PRODUCT, '  - intervalDays: 30');
    const second =
      fs
        .readFileSync(path.join(copy.root, PRODUCT), 'utf8')
        .split('\n')
        .findIndex((line, index) => index + 1 > first && line === '  - intervalDays: 30') + 1;
    expect(errorsOf(copy.root)).toEqual([
      `${PRODUCT}:${second}:19: Two subscriptions deliver every 30 days (the first is on line ${first})`,
    ]);
  });

  it('a plan without intervalDays, and an unknown field', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(
        '  - intervalDays: 90\n    percentOff: 10\n',
        '  - percentOff: 10\n    every: 90\n',
      ),
    );
    const line = lineOf(copy.root, PRODUCT, '  - percentOff: 10');
    expect(errorsOf(copy.root)).toEqual([
      `${PRODUCT}:${line}:5: subscriptions[2].intervalDays: is required`,
      `${PRODUCT}:${line}:5: subscriptions[2]: unknown field "every"`,
    ]);
  });

  it('subscriptions that are not a list', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(/subscriptions:\n(  .*\n)+/, 'subscriptions: monthly\n'),
    );
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, PRODUCT, 'subscriptions: monthly', 'monthly')}: subscriptions: must be a list of plans, each starting with "- intervalDays:"`,
    ]);
  });

  it('a plan name is shopper-facing copy: the compliance rules read it', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(
        '  - intervalDays: 90\n    percentOff: 10\n',
        '  - intervalDays: 90\n    percentOff: 10\n    name: Cures osteoporosis every 90 days\n',
      ),
    );
    expect(errorsOf(copy.root)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${PRODUCT}:${lineOf(copy.root, PRODUCT, 'Cures osteoporosis')}:\\d+: Disease claim "Cures osteoporosis"`,
          'i',
        ),
      ),
    ]);
  });
});

describe('discount codes in content/discounts.yaml', () => {
  it('WELCOME10 takes 10% off any subtotal, and the local store gets it', () => {
    const { content } = checkContent();
    expect(content!.discounts).toEqual([
      { code: 'WELCOME10', percentage: 10, minimumSubtotal: null },
    ]);
    expect(toCatalog(content!).discounts).toEqual(content!.discounts);
  });

  it('a minimum subtotal is kept as a price', () => {
    const copy = contentCopy();
    copy.write(
      DISCOUNTS,
      '- code: WELCOME10\n  percentage: 10\n- code: SAVE15\n  percentage: 15\n  minimumSubtotal: 60\n',
    );
    expect(checkContent(copy.root).content!.discounts).toEqual([
      { code: 'WELCOME10', percentage: 10, minimumSubtotal: null },
      { code: 'SAVE15', percentage: 15, minimumSubtotal: '60.00' },
    ]);
  });

  it.each([
    [
      'code: welcome10',
      'welcome10',
      'discount [0].code: must be capital letters, digits, dashes and underscores, e.g. WELCOME10',
    ],
    [
      'code: "WELCOME 10"',
      '"WELCOME 10"',
      'discount [0].code: must be capital letters, digits, dashes and underscores, e.g. WELCOME10',
    ],
    ['percentage: 0', '0', 'discount [0].percentage: must be a whole number from 1 to 100'],
    ['percentage: 101', '101', 'discount [0].percentage: must be a whole number from 1 to 100'],
    ['percentage: 7.5', '7.5', 'discount [0].percentage: must be a whole number from 1 to 100'],
    ['minimumSubtotal: -5', '-5', 'discount [0].minimumSubtotal: must be more than 0'],
    [
      'minimumSubtotal: 10.999',
      '10.999',
      'discount [0].minimumSubtotal: must have at most two decimals',
    ],
    [
      'minimumSubtotal: $50',
      '$50',
      'discount [0].minimumSubtotal: must be a number like 19.99, without a currency sign',
    ],
  ])('%s', (line, value, message) => {
    const copy = contentCopy();
    const [field] = line.split(':');
    const entry = {
      code: '- code: WELCOME10',
      percentage: '  percentage: 10',
      minimumSubtotal: '  minimumSubtotal: 50.00',
    };
    const lines = Object.entries(entry).map(([key, text]) =>
      key === field ? `${key === 'code' ? '- ' : '  '}${line}` : text,
    );
    copy.write(DISCOUNTS, `${lines.join('\n')}\n`);
    expect(errorsOf(copy.root)).toEqual([`${at(copy.root, DISCOUNTS, line, value)}: ${message}`]);
  });

  it('a code listed twice is reported at the second, naming the first', () => {
    const copy = contentCopy();
    copy.write(
      DISCOUNTS,
      '# Codes\n- code: WELCOME10\n  percentage: 10\n- code: WELCOME10\n  percentage: 20\n',
    );
    expect(errorsOf(copy.root)).toEqual([
      `${DISCOUNTS}:4:9: Duplicate discount code "WELCOME10" (first listed on line 2)`,
    ]);
  });

  it('a code without a percentage, and an unknown field', () => {
    const copy = contentCopy();
    copy.write(DISCOUNTS, '- code: WELCOME10\n  percent: 10\n');
    expect(errorsOf(copy.root)).toEqual([
      `${DISCOUNTS}:1:3: discount [0].percentage: is required`,
      `${DISCOUNTS}:1:3: discount [0]: unknown field "percent"`,
    ]);
  });

  it('a file that is not a list, and a missing file', () => {
    const copy = contentCopy();
    copy.write(DISCOUNTS, 'code: WELCOME10\npercentage: 10\n');
    expect(errorsOf(copy.root)).toEqual([
      `${DISCOUNTS}:1:1: The file must be a list of discount codes, each starting with "- code:"`,
    ]);
    fs.rmSync(path.join(copy.root, DISCOUNTS));
    expect(errorsOf(copy.root)).toEqual([`${DISCOUNTS}:1:1: File is missing`]);
  });

  it('an empty file is no codes, not an error', () => {
    const copy = contentCopy();
    copy.write(DISCOUNTS, '# No codes for now.\n');
    expect(checkContent(copy.root).content!.discounts).toEqual([]);
  });
});
