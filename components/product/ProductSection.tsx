import type { Section } from '@/lib/content';
import { RichText } from '../content/RichText';

/**
 * A collapsible built on <details>, so it opens without JavaScript and from the keyboard. The anchor
 * sits on the hidden body: browsers open a closed <details> when a link targets something inside it,
 * which is what makes /products/…#safety land on an open Safety section.
 */
export function ProductSection({ section, open = false }: { section: Section; open?: boolean }) {
  const headingId = `${section.id}-heading`;
  return (
    <details open={open} className="group border-b border-line">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-4 py-5 hover:text-brand">
        <h2 id={headingId} className="font-serif text-xl font-semibold sm:text-2xl">
          {section.title}
        </h2>
        <span
          aria-hidden="true"
          className="grid size-8 shrink-0 place-items-center rounded-full border border-line-strong text-lg transition-transform group-open:rotate-45"
        >
          +
        </span>
      </summary>
      <div id={section.id} role="region" aria-labelledby={headingId} className="scroll-mt-36 pb-6">
        <RichText
          html={section.html}
          className="max-w-prose space-y-4 leading-relaxed text-ink-muted"
        />
      </div>
    </details>
  );
}
