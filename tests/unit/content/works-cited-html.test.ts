import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { checkContent, type Product, type WorkCited } from '@/lib/content';
import { worksCitedHtml } from '@/lib/content/render-html';

const { content } = checkContent(process.cwd());
const product = content?.products.find((item) => item.handle === 'vitamin-d3-k2') as Product;

const work = (overrides: Partial<WorkCited>): WorkCited => ({
  key: 'k',
  title: 'A title',
  source: 'A source',
  accessed: '2025-06-27',
  url: 'https://example.org/a',
  number: 1,
  citedAt: [],
  ...overrides,
});

describe('worksCitedHtml', () => {
  it('lists every work of the real page, in order, with its link, date and links back', () => {
    const document = parseDocument(worksCitedHtml(product.worksCited));
    const items = DomUtils.getElementsByTagName('li', document.children, false);
    expect(items.map((item) => item.attribs.id)).toEqual(
      product.worksCited.map((entry) => `cite-${entry.key}`),
    );
    items.forEach((item, index) => {
      const entry = product.worksCited[index]!;
      const [title] = DomUtils.getElementsByTagName('a', item.children, false);
      expect(title!.attribs).toEqual({ href: entry.url, rel: 'noopener noreferrer' });
      expect(DomUtils.textContent(title!)).toBe(entry.title);
      expect(DomUtils.getElementsByTagName('time', item)[0]!.attribs.datetime).toBe(entry.accessed);
      const back = DomUtils.getElementsByTagName('a', item).filter((link) =>
        link.attribs.href?.startsWith('#'),
      );
      expect(back.map((link) => link.attribs.href)).toEqual(
        entry.citedAt.map((refId) => `#${refId}`),
      );
    });
  });

  it('reads as the React rendering did: title. Source. Accessed date. and an arrow per mention', () => {
    const html = worksCitedHtml([work({ number: 3, citedAt: ['ref-k-1', 'ref-k-2'] })]);
    const item = DomUtils.getElementsByTagName('li', parseDocument(html))[0]!;
    expect(DomUtils.textContent(item)).toBe(
      'A title. A source. Accessed June 27, 2025.↑aBack to where source 3 is cited (1 of 2)↑bBack to where source 3 is cited (2 of 2)',
    );
    // The arrows are hidden from screen readers, which read the visually hidden text instead.
    expect(html).toContain(
      '<span aria-hidden="true">↑<!-- -->a</span><span class="sr-only">Back to where source 3 is cited (1 of 2)</span>',
    );
    expect(worksCitedHtml([work({ citedAt: ['ref-k-1'] })])).toContain(
      '<span aria-hidden="true">↑</span><span class="sr-only">Back to where source 1 is cited</span>',
    );
  });

  it('escapes text and addresses, so a title cannot open an element', () => {
    const html = worksCitedHtml([
      work({
        title: '<img src=x onerror=alert(1)> & "quotes"',
        source: 'A < B',
        url: 'https://example.org/?a=1&b="2"',
      }),
    ]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)> &#x26; "quotes"');
    expect(html).toContain('href="https://example.org/?a=1&#x26;b=&#x22;2&#x22;"');
    expect(DomUtils.getElementsByTagName('a', parseDocument(html))).toHaveLength(1);
  });

  it('is made once per list', () => {
    expect(worksCitedHtml(product.worksCited)).toBe(worksCitedHtml(product.worksCited));
  });
});
