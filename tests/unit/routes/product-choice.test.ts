import { describe, expect, it } from 'vitest';
import {
  choicePathFromQuery,
  choiceSegments,
  parseChoiceSegments,
  productHref,
  type ProductChoice,
} from '@/lib/product-choice';

const PDP = '/products/vitamin-d3-k2';
const routeOf = (href: string) => {
  const url = new URL(href, 'http://shop.example');
  return choicePathFromQuery(url.pathname, url.searchParams);
};

describe('a product link and the static page it lands on', () => {
  const choices: ProductChoice[] = [
    { size: 120 },
    { planIntervalDays: 30 },
    { size: 120, planIntervalDays: 60 },
  ];

  it.each(choices)('the buy box link for %o lands on the page built for it', (choice) => {
    const route = routeOf(productHref('vitamin-d3-k2', choice));
    expect(route).toBe(`${PDP}/${choiceSegments(choice).join('/')}`);
    expect(parseChoiceSegments(route!.slice(PDP.length + 1).split('/'))).toEqual(choice);
  });

  it('links read like the addresses shoppers share: ?size= then &plan=', () => {
    expect(productHref('vitamin-d3-k2', {})).toBe(PDP);
    expect(productHref('vitamin-d3-k2', { size: 120, planIntervalDays: 60 })).toBe(
      `${PDP}?size=120&plan=60`,
    );
    expect(routeOf(`${PDP}?plan=60&size=120&utm_source=mail`)).toBe(`${PDP}/size/120/plan/60`);
  });

  it('the product’s own page needs no route of its own', () => {
    expect(parseChoiceSegments(undefined)).toEqual({});
    expect(parseChoiceSegments([])).toEqual({});
    expect(routeOf(PDP)).toBeNull();
  });

  it('a value no page could have preselects nothing, and cannot reach another path', () => {
    for (const query of [
      'size=../../cart',
      'size=1e3',
      'size=12345',
      'plan=-30',
      'size=',
      'plan=%2F',
    ])
      expect(routeOf(`${PDP}?${query}`), query).toBeNull();
    expect(routeOf('/products/vitamin-d3-k2/size/120?size=60')).toBeNull();
    expect(routeOf('/cart?size=120')).toBeNull();
  });

  it('route segments that no link writes are not a choice', () => {
    for (const segments of [
      ['plan', '30', 'size', '120'],
      ['size'],
      ['size', 'x'],
      ['colour', 'red'],
      ['size', '120', 'extra'],
    ])
      expect(parseChoiceSegments(segments), segments.join('/')).toBeNull();
  });
});
