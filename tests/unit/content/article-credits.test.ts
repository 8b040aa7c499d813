import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleCredits } from '@/components/product/ArticleCredits';
import type { Authorship } from '@/lib/content';

const none: Authorship = {
  author: null,
  reviewedBy: null,
  datePublished: null,
  lastReviewed: null,
};

/** The line under the title as a reader sees it: text only, one entry per line. */
function shown(article: Authorship | null): string[] {
  const html = renderToStaticMarkup(createElement(ArticleCredits, { article }));
  return [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
}

describe('the credits under the title show exactly what product.yaml gives', () => {
  it('nothing at all without an article block', () => {
    expect(renderToStaticMarkup(createElement(ArticleCredits, { article: null }))).toBe('');
  });

  it('reviewer with credentials and the review date, then author and publication date', () => {
    const article: Authorship = {
      author: { name: 'Test Author', url: 'https://example.com/a' },
      reviewedBy: { name: 'Test Reviewer', credentials: 'MD', url: null },
      datePublished: '2025-06-27',
      lastReviewed: '2026-10-01',
    };
    expect(shown(article)).toEqual([
      'Reviewed by Test Reviewer, MD, updated October 1, 2026',
      'By Test Author, published June 27, 2025',
    ]);
    const html = renderToStaticMarkup(createElement(ArticleCredits, { article }));
    expect(html).toContain('<time dateTime="2026-10-01">');
    expect(html).toContain('href="https://example.com/a"');
  });

  it('each part alone, with nothing added', () => {
    expect(shown({ ...none, author: { name: 'Test Author', url: null } })).toEqual([
      'By Test Author',
    ]);
    expect(shown({ ...none, datePublished: '2025-06-27' })).toEqual(['Published June 27, 2025']);
    expect(shown({ ...none, lastReviewed: '2026-01-31' })).toEqual(['Updated January 31, 2026']);
  });
});
