/** A numbered footnote marker; its id is where the works-cited entry links back to. */
export function CitationMark({ number, citationKey, refId }: { number: number; citationKey: string; refId: string }) {
  return (
    <sup className="ml-0.5 text-[0.7em] leading-none">
      <a
        id={refId}
        href={`#cite-${citationKey}`}
        className="rounded px-0.5 font-semibold text-brand no-underline hover:underline"
      >
        [<span className="sr-only">source </span>
        {number}]
      </a>
    </sup>
  );
}
