import { describe, expect, it } from 'vitest';
import { MAX_VITALS_BODY_BYTES, parseVitalsReport } from '@/lib/analytics/vitals-report';

const report = {
  name: 'LCP',
  value: 812.4,
  rating: 'good',
  id: 'v5-1764681234567-1234567890123',
  navigationType: 'navigate',
  pageType: 'product',
  path: '/products/vitamin-d3-k2/size/120',
};
const parse = (value: unknown) => parseVitalsReport(JSON.stringify(value));

describe('the vitals endpoint accepts only well-formed field measurements', () => {
  it('accepts each metric the page sends', () => {
    for (const name of ['LCP', 'INP', 'CLS', 'TTFB', 'FCP'])
      expect(parse({ ...report, name, value: name === 'CLS' ? 0.02 : 120 })).toEqual({
        ok: true,
        report: { ...report, name, value: name === 'CLS' ? 0.02 : 120 },
      });
  });

  it('fits a real report many times over within the body limit', () => {
    expect(JSON.stringify(report).length * 3).toBeLessThan(MAX_VITALS_BODY_BYTES);
  });

  it.each([
    ['not JSON', 'LCP=812', 'The body is not JSON.'],
    ['an array', '[]', 'Invalid the report:'],
    ['an unknown metric', JSON.stringify({ ...report, name: 'FID' }), 'Invalid name:'],
    ['a negative value', JSON.stringify({ ...report, value: -1 }), 'Invalid value:'],
    [
      'a value no metric has',
      JSON.stringify({ ...report, value: 1e9 }),
      'Invalid value: is larger than this metric can be',
    ],
    [
      'a CLS in milliseconds',
      JSON.stringify({ ...report, name: 'CLS', value: 812 }),
      'Invalid value: is larger',
    ],
    ['a string value', JSON.stringify({ ...report, value: '812' }), 'Invalid value:'],
    ['an unknown page type', JSON.stringify({ ...report, pageType: 'admin' }), 'Invalid pageType:'],
    [
      'a full URL as path',
      JSON.stringify({ ...report, path: 'https://evil.example/x' }),
      'Invalid path:',
    ],
    [
      'a path with a query',
      JSON.stringify({ ...report, path: '/cart?email=a@b.c' }),
      'Invalid path:',
    ],
    ['markup in the id', JSON.stringify({ ...report, id: '<script>' }), 'Invalid id:'],
    ['an extra field', JSON.stringify({ ...report, userAgent: 'x' }), 'Invalid the report:'],
    ['a missing field', JSON.stringify({ ...report, rating: undefined }), 'Invalid rating:'],
  ])('refuses %s, saying what is wrong', (_case, body, error) => {
    const parsed = parseVitalsReport(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });
});
