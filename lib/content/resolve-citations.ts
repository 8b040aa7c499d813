import type { CitationLibrary } from './load-citations';
import type { IssueCollector } from './issues';
import type { ParsedBlock, ParsedInline } from './rich-text';
import type { Block, Citation, Inline, WorkCited } from './types';

/**
 * Numbers citations for one page: works are numbered in list order, and every footnote marker gets
 * an id so the works-cited list can link back to it.
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

  blocks(blocks: ParsedBlock[]): Block[] {
    return blocks.map((block) =>
      block.type === 'paragraph'
        ? { type: 'paragraph', children: this.inlines(block.children) }
        : { type: 'list', items: block.items.map((item) => this.inlines(item)) },
    );
  }

  inlines(nodes: ParsedInline[]): Inline[] {
    return this.resolveInlines(nodes).map((node, index, all) =>
      // "text [@key]" is written with a space for readability; the marker sits right after the word.
      node.type === 'text' && all[index + 1]?.type === 'citation' ? { ...node, value: node.value.trimEnd() } : node,
    );
  }

  private resolveInlines(nodes: ParsedInline[]): Inline[] {
    return nodes.flatMap((node): Inline[] => {
      switch (node.type) {
        case 'text':
          return [node];
        case 'strong':
        case 'emphasis':
          return [{ type: node.type, children: this.inlines(node.children) }];
        case 'link':
          return [{ type: 'link', href: node.href, children: this.inlines(node.children) }];
        case 'cite': {
          const citation = this.library.byKey.get(node.key);
          if (!citation) {
            if (this.library.brokenKeys.has(node.key)) return [];
            const suggestion = closestKey(node.key, [...this.library.byKey.keys()]);
            this.issues.error(
              node.file,
              node.position.line,
              node.position.column,
              `Unknown citation key "${node.key}"`,
              suggestion ? `Did you mean [@${suggestion}]? Keys are listed in content/citations.yaml.` : 'Add the source to content/citations.yaml first, then cite its key.',
            );
            return [];
          }
          const work = this.byKey.get(citation.key) ?? this.add(citation);
          const refId = `ref-${citation.key}-${work.citedAt.length + 1}`;
          work.citedAt.push(refId);
          return [{ type: 'citation', key: citation.key, number: work.number, refId }];
        }
      }
    });
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
