import type { IssueCollector } from './issues';
import type { ProductFile } from './schemas';
import type { Authorship } from './types';
import type { YamlFile } from './yaml-file';

/** A review older than this is reported (not refused): health text is judged by how recent its review is. */
const REVIEW_MAX_AGE_YEARS = 1;

function yearsBefore(now: Date, years: number): string {
  const date = new Date(
    Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()),
  );
  return date.toISOString().slice(0, 10);
}

/**
 * The validated `article:` block as the page and the JSON-LD use it: only what the file states, with
 * null for the rest (nothing is filled in). Warns when the last review is more than a year old; the
 * clock is read here, so tests set it (vi.setSystemTime) instead of depending on the day they run.
 */
export function loadAuthorship(
  article: ProductFile['article'],
  yaml: YamlFile,
  file: string,
  issues: IssueCollector,
  now: Date = new Date(),
): Authorship | null {
  if (!article) return null;
  const { author, reviewedBy, datePublished, lastReviewed } = article;
  if (!author && !reviewedBy && !datePublished && !lastReviewed) return null;

  const oldest = yearsBefore(now, REVIEW_MAX_AGE_YEARS);
  if (lastReviewed && lastReviewed < oldest) {
    const position = yaml.positionOf(['article', 'lastReviewed']);
    issues.warning(
      file,
      position.line,
      position.column,
      `article.lastReviewed: the last review (${lastReviewed}) is more than a year old`,
      'The page shows this date next to the reviewer. Have the text reviewed again, then set lastReviewed to the day of that review.',
    );
  }

  return {
    author: author ? { name: author.name, url: author.url ?? null } : null,
    reviewedBy: reviewedBy
      ? { name: reviewedBy.name, credentials: reviewedBy.credentials, url: reviewedBy.url ?? null }
      : null,
    datePublished: datePublished ?? null,
    lastReviewed: lastReviewed ?? null,
  };
}
