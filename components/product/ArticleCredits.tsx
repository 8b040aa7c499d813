import type { Authorship } from '@/lib/content';

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

function Name({ name, url }: { name: string; url: string | null }) {
  if (!url) return <>{name}</>;
  return (
    <a
      href={url}
      rel="noopener noreferrer"
      className="font-medium text-brand underline underline-offset-2 hover:text-brand-strong"
    >
      {name}
    </a>
  );
}

function Day({ date }: { date: string }) {
  return <time dateTime={date}>{dateFormat.format(new Date(`${date}T00:00:00Z`))}</time>;
}

/**
 * One credit line: "Reviewed by Name, MD, updated October 1, 2026" when a person is named, or just
 * "Updated October 1, 2026" when only the date is given; nothing when neither is.
 */
function Credit({
  lead,
  person,
  credentials,
  dateLead,
  date,
}: {
  lead: string;
  person: { name: string; url: string | null } | null;
  credentials?: string;
  dateLead: string;
  date: string | null;
}) {
  if (person) {
    return (
      <p>
        {lead} <Name name={person.name} url={person.url} />
        {credentials && `, ${credentials}`}
        {date && (
          <>
            , {dateLead} <Day date={date} />
          </>
        )}
      </p>
    );
  }
  if (!date) return null;
  return (
    <p>
      {dateLead.charAt(0).toUpperCase() + dateLead.slice(1)} <Day date={date} />
    </p>
  );
}

/**
 * Who reviewed and who wrote the text, and when, exactly as product.yaml states it. Each part shows
 * only when given, so a page without an `article:` block shows nothing rather than a made-up byline.
 */
export function ArticleCredits({ article }: { article: Authorship | null }) {
  if (!article) return null;
  const { author, reviewedBy, datePublished, lastReviewed } = article;
  return (
    <div data-testid="article-credits" className="mt-2 space-y-0.5 text-sm text-ink-subtle">
      <Credit
        lead="Reviewed by"
        person={reviewedBy}
        credentials={reviewedBy?.credentials}
        dateLead="updated"
        date={lastReviewed}
      />
      <Credit lead="By" person={author} dateLead="published" date={datePublished} />
    </div>
  );
}
