import { describe, expect, it } from 'vitest';
import {
  choiceRewrites,
  choiceSegments,
  parseChoiceSegments,
  productHref,
  type ProductChoice,
} from '@/lib/product-choice';

const PDP = '/products/vitamin-d3-k2';
const CHOICES: ProductChoice[] = [
  { size: 120 },
  { planIntervalDays: 30 },
  { size: 120, planIntervalDays: 60 },
];

describe('a product link and the static page it lands on', () => {
  it('links read like the addresses shoppers share: ?size= then &plan=', () => {
    expect(productHref('vitamin-d3-k2', {})).toBe(PDP);
    expect(productHref('vitamin-d3-k2', { size: 120 })).toBe(`${PDP}?size=120`);
    expect(productHref('vitamin-d3-k2', { planIntervalDays: 30 })).toBe(`${PDP}?plan=30`);
    expect(productHref('vitamin-d3-k2', { size: 120, planIntervalDays: 60 })).toBe(
      `${PDP}?size=120&plan=60`,
    );
  });

  it.each(CHOICES)('the route segments for %o read back as the same choice', (choice) => {
    expect(parseChoiceSegments(choiceSegments(choice))).toEqual(choice);
  });

  it('the product’s own page has no segments', () => {
    expect(choiceSegments({})).toEqual([]);
    expect(parseChoiceSegments(undefined)).toEqual({});
    expect(parseChoiceSegments([])).toEqual({});
  });

  it('route segments that no link writes are not a choice', () => {
    for (const segments of [
      ['plan', '30', 'size', '120'],
      ['size'],
      ['size', 'x'],
      ['size', '12345'],
      ['colour', 'red'],
      ['size', '120', 'extra'],
    ])
      expect(parseChoiceSegments(segments), segments.join('/')).toBeNull();
  });

  it('each rewrite names its page in the segments the route reads, the one for both parameters first', () => {
    const rewrites = choiceRewrites();
    expect(rewrites.map((rewrite) => rewrite.has.map((condition) => condition.key))).toEqual([
      ['size', 'plan'],
      ['plan'],
      ['size'],
    ]);
    for (const rewrite of rewrites) {
      const keys = rewrite.has.map((condition) => condition.key);
      const choice: ProductChoice = {
        ...(keys.includes('size') ? { size: 120 } : {}),
        ...(keys.includes('plan') ? { planIntervalDays: 60 } : {}),
      };
      const destination = rewrite.destination.replace(':size', '120').replace(':plan', '60');
      expect(destination).toBe(`/products/:handle/${choiceSegments(choice).join('/')}`);
    }
  });

  it('a rewrite takes only the numbers a page can have, so no value reaches another path', () => {
    const [both] = choiceRewrites();
    const accepts = (key: string, value: string) =>
      new RegExp(`^${both!.has.find((condition) => condition.key === key)!.value}$`).test(value);
    expect(accepts('size', '120')).toBe(true);
    expect(accepts('plan', '60')).toBe(true);
    for (const value of ['../../cart', '1e3', '12345', '-30', '', '%2F'])
      expect(accepts('size', value), value).toBe(false);
  });
});
