import type { Disclaimer as DisclaimerData } from '@/lib/content';
import { RichText } from '../content/RichText';

export function Disclaimer({ disclaimer }: { disclaimer: DisclaimerData }) {
  return (
    <section
      aria-labelledby="disclaimer-heading"
      className="below-fold mt-section rounded-card border border-line bg-paper-sunk p-5 sm:p-6"
    >
      <h2 id="disclaimer-heading" className="text-base font-semibold">
        {disclaimer.title}
      </h2>
      <RichText
        html={disclaimer.html}
        className="mt-3 space-y-3 text-sm leading-relaxed text-ink-muted"
      />
    </section>
  );
}
