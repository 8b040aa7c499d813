import type { IssueCollector } from './issues';
import type { CitationLibrary } from './load-citations';
import type { CitationNode } from './markdown-citations';
import type { Citation, WorkCited } from './types';

/**
 * Numbers citations for one page: works are numbered in list order, and every footnote marker gets
 * an id so the works-cited list can link back to it. The page renderer asks for each citation in
 * page order (render-html.ts).
 */
export class CitationResolver {
  private readonly works: WorkCited[] = [];
  private readonly byKey = new Map<string, WorkCited>();

  constructor(
    private readonly library: CitationLibrary,
    private readonly issues: IssueCollector,
    listed: Citation[],
  ) {
    listed.forEach((citation) => this.add(citation));
  }

  /** The number and marker id of one mention, or null (and a message) when the key is unknown. */
  cite(node: CitationNode): { number: number; refId: string } | null {
    const key = node.value;
    const citation = this.library.byKey.get(key);
    if (!citation) {
      // A broken entry in citations.yaml has its own message already.
      if (this.library.brokenKeys.has(key) || !node.data) return null;
      const suggestion = closestKey(key, [...this.library.byKey.keys()]);
      this.issues.error(
        node.data.file,
        node.data.at.line,
        node.data.at.column,
        `Unknown citation key "${key}"`,
        suggestion
          ? `Did you mean [@${suggestion}]? Keys are listed in content/citations.yaml.`
          : 'Add the source to content/citations.yaml first, then cite its key.',
      );
      return null;
    }
    const work = this.byKey.get(citation.key) ?? this.add(citation);
    const refId = `ref-${citation.key}-${work.citedAt.length + 1}`;
    work.citedAt.push(refId);
    return { number: work.number, refId };
  }

  worksCited(): WorkCited[] {
    return this.works;
  }

  private add(citation: Citation): WorkCited {
    const work: WorkCited = { ...citation, number: this.works.length + 1, citedAt: [] };
    this.works.push(work);
    this.byKey.set(citation.key, work);
    return work;
  }
}

/** Suggests a fix for a typo in a citation key, when one key is clearly the intended one. */
function closestKey(key: string, keys: string[]): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const candidate of keys) {
    const distance = editDistance(key, candidate);
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 4)) ? best.key : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
