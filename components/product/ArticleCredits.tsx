import type { Authorship } from '@/lib/content';

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

function Name({ name, url }: { name: string; url: string | null }) {
  if (!url) return <>{name}</>;
  return (
    <a href={url} rel="noopener noreferrer" className="font-medium text-brand underline underline-offset-2 hover:text-brand-strong">
      {name}
    </a>
  );
}

function Day({ date }: { date: string }) {
  return <time dateTime={date}>{dateFormat.format(new Date(`${date}T00:00:00Z`))}</time>;
}

/**
 * Who reviewed and who wrote the text, and when, exactly as product.yaml states it. Each part shows
 * only when given, so a page without an `article:` block shows nothing rather than a made-up byline.
 */
export function ArticleCredits({ article }: { article: Authorship | null }) {
  if (!article) return null;
  const { author, reviewedBy, datePublished, lastReviewed } = article;
  const review = reviewedBy ? (
    <>
      Reviewed by <Name {...reviewedBy} />, {reviewedBy.credentials}
      {lastReviewed && (
        <>
          , updated <Day date={lastReviewed} />
        </>
      )}
    </>
  ) : lastReviewed ? (
    <>
      Updated <Day date={lastReviewed} />
    </>
  ) : null;
  const byline = author ? (
    <>
      By <Name {...author} />
      {datePublished && (
        <>
          , published <Day date={datePublished} />
        </>
      )}
    </>
  ) : datePublished ? (
    <>
      Published <Day date={datePublished} />
    </>
  ) : null;
  return (
    <div data-testid="article-credits" className="mt-2 space-y-0.5 text-sm text-ink-subtle">
      {review && <p>{review}</p>}
      {byline && <p>{byline}</p>}
    </div>
  );
}
