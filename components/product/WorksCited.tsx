import type { WorkCited } from '@/lib/content';
import { worksCitedHtml } from '@/lib/content/render-html';

/** The entries are one HTML string (lib/content/render-html.ts), styled by `.works-cited` in app/globals.css. */
export function WorksCited({ works }: { works: WorkCited[] }) {
  return (
    <section
      aria-labelledby="works-cited-heading"
      className="below-fold mt-section [--below-fold-height:300rem] md:[--below-fold-height:190rem] lg:[--below-fold-height:140rem]"
    >
      <h2 id="works-cited-heading" className="font-serif text-2xl font-semibold">
        Works cited
      </h2>
      <p className="mt-2 text-sm text-ink-subtle">
        {works.length} sources. Numbers in the text link here; the arrows link back.
      </p>
      <ol
        className="works-cited mt-6 list-decimal space-y-3 pl-8 text-sm leading-relaxed text-ink-muted"
        dangerouslySetInnerHTML={{ __html: worksCitedHtml(works) }}
      />
    </section>
  );
}
