import type { ReactNode } from 'react';

/** Shown instead of the buy box when the store could not be reached while this page was built. */
export function OfferUnavailable({
  message,
  safetyNote,
}: {
  message: string;
  safetyNote: ReactNode;
}) {
  return (
    <section aria-label="Buy" className="mt-6 rounded-card border border-line bg-paper-raised p-5">
      <div
        role="alert"
        className="rounded-lg border border-danger bg-danger-soft p-3 text-sm text-danger"
      >
        <p>{message}</p>
        {/* A plain link: reloading asks the store again and works without JavaScript. */}
        <a href="" className="mt-2 inline-block font-semibold underline underline-offset-2">
          Try again
        </a>
      </div>
      {safetyNote}
    </section>
  );
}
