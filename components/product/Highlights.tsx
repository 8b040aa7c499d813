import type { Highlight } from '@/lib/content';
import { RichText } from '../content/RichText';

export function Highlights({ highlights }: { highlights: Highlight[] }) {
  return (
    <section aria-labelledby="highlights-heading" className="mt-8">
      <h2 id="highlights-heading" className="sr-only">
        At a glance
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {highlights.map((highlight) => (
          <div
            key={highlight.title}
            className="rounded-card border border-line bg-paper-raised p-4"
          >
            <h3 className="text-sm font-semibold tracking-wide text-brand uppercase">
              {highlight.title}
            </h3>
            <RichText
              html={highlight.html}
              className="mt-2 space-y-2 text-sm leading-relaxed text-ink-muted"
            />
          </div>
        ))}
      </div>
    </section>
  );
}
