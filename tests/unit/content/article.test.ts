import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkContent } from '@/lib/content';
import { formatIssue } from '@/lib/content/issues';
import { contentCopy, errorsOf } from './fixture';

const PRODUCT = 'content/products/vitamin-d3-k2/product.yaml';

/** Made-up people for tests only: the shipped content names nobody, because the source article names nobody. */
const FULL = `
article:
  author:
    name: Test Author
    url: https://example.com/authors/test-author
  reviewedBy:
    name: Test Reviewer
    credentials: MD
    url: https://example.com/reviewers/test-reviewer
  datePublished: 2025-06-27
  lastReviewed: 2026-10-01
`;

function withArticle(block: string) {
  const copy = contentCopy();
  copy.edit(PRODUCT, (text) => `${text.trimEnd()}\n${block}`);
  return copy;
}

/**
 * file:line:column of `needle` in the test's `article:` block (not in the commented example above it),
 * as messages print it.
 */
function at(root: string, needle: string): string {
  const lines = readFileSync(`${root}/${PRODUCT}`, 'utf8').split('\n');
  const block = lines.findIndex((line) => line.startsWith('article:'));
  const index = lines.findIndex((line, number) => number >= block && line.includes(needle));
  if (block === -1 || index === -1)
    throw new Error(`"${needle}" not found in the article block of ${PRODUCT}`);
  return `${PRODUCT}:${index + 1}:${lines[index]!.indexOf(needle) + 1}`;
}

const warningsOf = (root: string) =>
  checkContent(root)
    .issues.filter((issue) => issue.severity === 'warning')
    .map((issue) => formatIssue({ ...issue, hint: undefined }));

beforeEach(() => {
  // The check compares dates with today; the tests run on a fixed day (the day this was written).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('article: who wrote and reviewed the text, and when', () => {
  it('a complete block is valid and reaches the page exactly as written', () => {
    const copy = withArticle(FULL);
    const { content, issues } = checkContent(copy.root);
    expect(issues).toEqual([]);
    expect(
      content?.products.find((product) => product.handle === 'vitamin-d3-k2')?.article,
    ).toEqual({
      author: { name: 'Test Author', url: 'https://example.com/authors/test-author' },
      reviewedBy: {
        name: 'Test Reviewer',
        credentials: 'MD',
        url: 'https://example.com/reviewers/test-reviewer',
      },
      datePublished: '2025-06-27',
      lastReviewed: '2026-10-01',
    });
  });

  it('every part is optional; what is left out stays null and nothing is filled in', () => {
    const copy = withArticle('article:\n  datePublished: 2025-06-27\n');
    const { content } = checkContent(copy.root);
    expect(
      content?.products.find((product) => product.handle === 'vitamin-d3-k2')?.article,
    ).toEqual({
      author: null,
      reviewedBy: null,
      datePublished: '2025-06-27',
      lastReviewed: null,
    });
    expect(
      checkContent(contentCopy().root).content?.products.find(
        (product) => product.handle === 'vitamin-d3',
      )?.article,
    ).toBeNull();
  });

  it('a reviewer needs credentials', () => {
    const copy = withArticle(FULL.replace('    credentials: MD\n', ''));
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, 'name: Test Reviewer')}: article.reviewedBy.credentials: is required`,
    ]);
    expect(checkContent(copy.root).issues[0]?.hint).toBe(
      'Add a line "credentials: …" to this entry, lined up with its other fields.',
    );
  });

  it('a reviewer needs the day of the review', () => {
    const copy = withArticle(FULL.replace('  lastReviewed: 2026-10-01\n', ''));
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, 'name: Test Reviewer')}: article.reviewedBy: needs lastReviewed: the day of the review, written YYYY-MM-DD`,
    ]);
  });

  it('an author needs a name', () => {
    const copy = withArticle(FULL.replace('    name: Test Author\n', ''));
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, 'url: https://example.com/authors')}: article.author.name: is required`,
    ]);
  });

  it('an author written on one line instead of as a block', () => {
    const copy = withArticle('article:\n  author: Test Author\n');
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, 'Test Author')}: article.author: must be a block of fields: name, and optionally url`,
    ]);
  });

  it('an article line with nothing under it, or with text instead of fields', () => {
    const empty = withArticle('article:\n');
    // Reported where the missing block would start: right after "article:".
    expect(errorsOf(empty.root)).toEqual([
      `${at(empty.root, 'article:').replace(/:1$/, ':9')}: article: must be a block of fields: author, reviewedBy, datePublished, lastReviewed`,
    ]);
    const text = withArticle('article: Reviewed by our team\n');
    expect(errorsOf(text.root)).toEqual([
      `${at(text.root, 'Reviewed by our team')}: article: must be a block of fields: author, reviewedBy, datePublished, lastReviewed`,
    ]);
  });

  it('every problem of the block is reported in one run', () => {
    const copy = withArticle(
      'article:\n  author: Test Author\n  reviewedBy:\n    name: Test Reviewer\n  datePublished: 2025-02-30\n',
    );
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, 'Test Author')}: article.author: must be a block of fields: name, and optionally url`,
      `${at(copy.root, 'name: Test Reviewer')}: article.reviewedBy.credentials: is required`,
      `${at(copy.root, '2025-02-30')}: article.datePublished: must be a real date written YYYY-MM-DD, e.g. 2025-06-27`,
      `${at(copy.root, 'name: Test Reviewer')}: article.reviewedBy: needs lastReviewed: the day of the review, written YYYY-MM-DD`,
    ]);
  });

  it('a link that is not a web address', () => {
    const copy = withArticle(
      FULL.replace(
        'url: https://example.com/reviewers/test-reviewer',
        'url: example.com/test reviewer',
      ),
    );
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, 'example.com/test reviewer')}: article.reviewedBy.url: must be a full web address starting with https:// and without spaces`,
    ]);
  });

  it('a misspelt field is named', () => {
    const copy = withArticle(FULL.replace('  reviewedBy:\n', '  reviewer:\n'));
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, 'author:')}: article: unknown field "reviewer"`,
    ]);
  });

  it.each([
    ['a day that does not exist', '2025-02-30'],
    ['a date written in words', 'June 27, 2025'],
    ['a date without its day', '2025-06'],
  ])('dates must be real ISO dates: %s', (_, written) => {
    const copy = withArticle(
      FULL.replace('datePublished: 2025-06-27', `datePublished: ${written}`),
    );
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, written)}: article.datePublished: must be a real date written YYYY-MM-DD, e.g. 2025-06-27`,
    ]);
  });

  it('dates cannot be in the future; tomorrow is allowed, as it is already today somewhere east of the server', () => {
    const future = withArticle(
      FULL.replace('lastReviewed: 2026-10-01', 'lastReviewed: 2026-11-27'),
    );
    expect(errorsOf(future.root)).toEqual([
      `${at(future.root, '2026-11-27')}: article.lastReviewed: 2026-11-27 is in the future; write the day it happened`,
    ]);
    const published = withArticle(
      FULL.replace('datePublished: 2025-06-27', 'datePublished: 2027-01-05'),
    );
    expect(errorsOf(published.root)).toContain(
      `${at(published.root, '2027-01-05')}: article.datePublished: 2027-01-05 is in the future; write the day it happened`,
    );
    expect(
      errorsOf(
        withArticle(FULL.replace('lastReviewed: 2026-10-01', 'lastReviewed: 2026-11-26')).root,
      ),
    ).toEqual([]);
  });

  it('a review cannot come before publication', () => {
    const copy = withArticle(FULL.replace('lastReviewed: 2026-10-01', 'lastReviewed: 2025-01-10'));
    expect(errorsOf(copy.root)).toEqual([
      `${at(copy.root, '2025-01-10')}: article.lastReviewed: 2025-01-10 is before datePublished (2025-06-27); a review comes after publication`,
    ]);
  });

  it('a review more than a year old is a warning, not an error', () => {
    const old = withArticle(FULL.replace('lastReviewed: 2026-10-01', 'lastReviewed: 2025-11-24'));
    const check = checkContent(old.root);
    expect(check.content).not.toBeNull();
    expect(warningsOf(old.root)).toEqual([
      `${at(old.root, '2025-11-24')}: warning: article.lastReviewed: the last review (2025-11-24) is more than a year old`,
    ]);
    expect(check.issues[0]?.hint).toMatch(/Have the text reviewed again/);
    // Exactly a year is not more than a year.
    expect(
      warningsOf(
        withArticle(FULL.replace('lastReviewed: 2026-10-01', 'lastReviewed: 2025-11-25')).root,
      ),
    ).toEqual([]);
  });

  it('the age is measured from the clock, so the same file starts warning as time passes', () => {
    const copy = withArticle(FULL);
    expect(warningsOf(copy.root)).toEqual([]);
    vi.setSystemTime(new Date('2027-10-02T09:00:00Z'));
    expect(warningsOf(copy.root)).toEqual([
      `${at(copy.root, '2026-10-01')}: warning: article.lastReviewed: the last review (2026-10-01) is more than a year old`,
    ]);
  });
});
