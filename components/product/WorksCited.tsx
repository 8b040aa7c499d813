import type { WorkCited } from '@/lib/content';

const accessedFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** Letters for the links back to each place a work is cited: a, b, c… as in printed footnotes. */
function backLabel(index: number): string {
  return String.fromCharCode(97 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '');
}

export function WorksCited({ works }: { works: WorkCited[] }) {
  return (
    <section aria-labelledby="works-cited-heading" className="mt-section">
      <h2 id="works-cited-heading" className="font-serif text-2xl font-semibold">
        Works cited
      </h2>
      <p className="mt-2 text-sm text-ink-subtle">{works.length} sources. Numbers in the text link here; the arrows link back.</p>
      <ol className="mt-6 list-decimal space-y-3 pl-8 text-sm leading-relaxed text-ink-muted marker:font-semibold marker:text-ink">
        {works.map((work) => (
          <li key={work.key} id={`cite-${work.key}`} className="pl-1 break-words target:rounded target:bg-accent-soft">
            <a href={work.url} rel="noopener noreferrer" className="font-medium text-brand underline underline-offset-2 hover:text-brand-strong">
              {work.title}
            </a>
            . <span>{work.source}</span>. Accessed <time dateTime={work.accessed}>{accessedFormat.format(new Date(work.accessed))}</time>.
            {work.citedAt.length > 0 && (
              <span className="ml-1 whitespace-nowrap">
                {work.citedAt.map((refId, index) => (
                  <a
                    key={refId}
                    href={`#${refId}`}
                    className="ml-1 inline-block min-w-6 rounded px-1 text-center font-semibold text-brand hover:bg-brand-soft"
                  >
                    <span aria-hidden="true">↑{work.citedAt.length > 1 ? backLabel(index) : ''}</span>
                    <span className="sr-only">
                      Back to where source {work.number} is cited{work.citedAt.length > 1 ? ` (${index + 1} of ${work.citedAt.length})` : ''}
                    </span>
                  </a>
                ))}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
