import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentHtml, type Product } from '@/lib/content';

const { content, issues } = checkContent(process.cwd());
const product = content?.products.find((item) => item.handle === 'vitamin-d3-k2') as Product;

/** The footnote markers in rendered content, read back from the HTML the way a browser would. */
function citationsIn(
  ...html: ContentHtml[]
): Array<{ key: string; number: number; refId: string }> {
  const document = parseDocument(html.join(''));
  return DomUtils.getElementsByTagName('sup', document).map((sup) => {
    const link = DomUtils.getElementsByTagName('a', sup)[0]!;
    return {
      key: link.attribs.href!.replace(/^#cite-/, ''),
      number: Number(/(\d+)\]$/.exec(DomUtils.textContent(link))![1]),
      refId: link.attribs.id!,
    };
  });
}

describe('the real content', () => {
  it('loads without errors, flagship first', () => {
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(content?.products.map((item) => item.handle)).toEqual(['vitamin-d3-k2', 'vitamin-d3']);
  });

  it('has the four sections in order, each with text', () => {
    expect(product.sections.map((section) => [section.id, section.title])).toEqual([
      ['benefits', 'Key health benefits'],
      ['mechanism', 'How D3 and K2 work together'],
      ['who-benefits', 'Who might benefit'],
      ['safety', 'Safety and considerations'],
    ]);
    for (const section of product.sections) expect(section.html).toMatch(/^<(p|ul)>/);
  });

  it('lists all 55 works cited, numbered in article order, with unique keys', () => {
    expect(product.worksCited).toHaveLength(55);
    expect(product.worksCited.map((work) => work.number)).toEqual(
      Array.from({ length: 55 }, (_, index) => index + 1),
    );
    expect(new Set(product.worksCited.map((work) => work.key)).size).toBe(55);
  });

  const article = path.resolve('..', 'shared', 'seed', 'd3-k2-article.txt');
  it.skipIf(!fs.existsSync(article))(
    'keeps every title and URL byte for byte as in the article',
    () => {
      const lines = fs.readFileSync(article, 'utf8').split('\n');
      const entries = lines.slice(
        lines.indexOf('Works Cited') + 1,
        lines.indexOf('Content Disclaimer'),
      );
      expect(entries).toHaveLength(55);
      expect(
        product.worksCited.map((work) => `${work.title}, accessed June 27, 2025, ${work.url}`),
      ).toEqual(entries);
    },
  );

  it('links every footnote marker to a listed work, and every work back to its markers', () => {
    const markers = citationsIn(
      ...product.highlights.map((highlight) => highlight.html),
      ...product.sections.map((section) => section.html),
      product.takeaway,
    );
    expect(markers.length).toBeGreaterThan(10);
    const byKey = new Map(product.worksCited.map((work) => [work.key, work]));
    for (const marker of markers) {
      const work = byKey.get(marker.key);
      expect(work?.number).toBe(marker.number);
      expect(work?.citedAt).toContain(marker.refId);
    }
    const backlinks = product.worksCited.flatMap((work) => work.citedAt);
    expect(backlinks.sort()).toEqual(markers.map((marker) => marker.refId).sort());
    expect(new Set(backlinks).size).toBe(backlinks.length);
  });

  it('cites the sources whose titles support the safety claims', () => {
    const safety = product.sections.find((section) => section.id === 'safety')!;
    expect(citationsIn(safety.html).map((marker) => marker.key)).toEqual([
      'ods-vitamin-d',
      'aha-acc-warfarin-guide',
      'blood-k-warfarin-stability',
    ]);
  });

  it('carries the disclaimer with the FDA statement', () => {
    const text = product.disclaimer.html;
    expect(text).toContain(
      'These statements have not been evaluated by the Food and Drug Administration.',
    );
    expect(text).toContain('substitute for professional medical advice');
  });
});
