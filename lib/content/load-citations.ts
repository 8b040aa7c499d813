import { citationSchema } from './schemas';
import { describePath, YamlFile, type Position } from './yaml-file';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';
import type { Citation } from './types';

export interface CitationLibrary {
  /** In file order: the order works are listed on a page that cites "all". */
  all: Citation[];
  byKey: Map<string, Citation>;
  /** Keys of entries with their own errors: citing them is not reported a second time. */
  brokenKeys: Set<string>;
}

export function loadCitations(files: ContentFiles, issues: IssueCollector): CitationLibrary {
  const file = files.relative('citations.yaml');
  const source = files.read(issues, 'citations.yaml');
  const library: CitationLibrary = { all: [], byKey: new Map(), brokenKeys: new Set() };
  if (source === null) return library;

  const yaml = YamlFile.parse(file, source, issues);
  if (!yaml) return library;
  const entries = yaml.toJS() ?? [];
  if (!Array.isArray(entries)) {
    issues.error(file, 1, 1, 'The file must be a list of citations, each starting with "- key:"');
    return library;
  }

  // Each entry is checked on its own, so one broken entry does not make every citation of the
  // others look unknown.
  const firstSeen = new Map<string, Position>();
  entries.forEach((entry: unknown, index) => {
    const parsed = citationSchema.safeParse(entry);
    if (!parsed.success) {
      yaml.reportSchemaErrors(
        parsed.error,
        issues,
        (path) => `citation ${describePath([index, ...path])}`,
        [index],
      );
      const key = (entry as { key?: unknown } | null)?.key;
      if (typeof key === 'string') library.brokenKeys.add(key);
      return;
    }
    const citation = parsed.data;
    const position = yaml.positionOf([index, 'key']);
    const earlier = firstSeen.get(citation.key);
    if (earlier) {
      issues.error(
        file,
        position.line,
        position.column,
        `Duplicate citation key "${citation.key}" (first used on line ${earlier.line})`,
        'Every citation needs its own key; rename one of them.',
      );
      return;
    }
    firstSeen.set(citation.key, position);
    library.all.push(citation);
    library.byKey.set(citation.key, citation);
  });
  return library;
}
