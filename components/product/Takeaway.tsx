import type { ContentHtml } from '@/lib/content';
import { RichText } from '../content/RichText';

export function Takeaway({ html }: { html: ContentHtml }) {
  return (
    <section
      aria-labelledby="takeaway-heading"
      className="below-fold mt-section rounded-card bg-brand-soft p-5 sm:p-8"
    >
      <h2 id="takeaway-heading" className="font-serif text-2xl font-semibold text-brand-strong">
        The takeaway
      </h2>
      <RichText html={html} className="mt-3 max-w-prose text-lg leading-relaxed text-ink" />
    </section>
  );
}
