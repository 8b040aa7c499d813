/** The product's caution under the buy button; the Safety section it links to has the details. */
export function SafetyNote({ note }: { note: string }) {
  return (
    <p
      className="mt-4 flex gap-2 rounded-lg bg-accent-soft p-3 text-sm text-ink"
      data-testid="safety-note"
    >
      <span aria-hidden="true">⚠</span>
      <span>
        {note}{' '}
        <a href="#safety" className="font-semibold text-accent underline underline-offset-2">
          Read safety information
        </a>
      </span>
    </p>
  );
}
