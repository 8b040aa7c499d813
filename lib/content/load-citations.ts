import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';
import { citationsSchema } from './schemas';
import type { Citation } from './types';
import { describePath, YamlFile, type Position } from './yaml-file';

export interface CitationLibrary {
  /** In file order: the order works are listed on a page that cites "all". */
  all: Citation[];
  byKey: Map<string, Citation>;
}

export function loadCitations(files: ContentFiles, issues: IssueCollector): CitationLibrary {
  const file = files.relative('citations.yaml');
  const source = files.read(issues, 'citations.yaml');
  const library: CitationLibrary = { all: [], byKey: new Map() };
  if (source === null) return library;

  const yaml = YamlFile.parse(file, source, issues);
  if (!yaml) return library;
  const parsed = citationsSchema.safeParse(yaml.toJS() ?? []);
  if (!parsed.success) {
    yaml.reportSchemaErrors(parsed.error, issues, (path) => `citation ${describePath(path)}`);
    return library;
  }

  const firstSeen = new Map<string, Position>();
  parsed.data.forEach((citation, index) => {
    const position = yaml.positionOf([index, 'key']);
    const earlier = firstSeen.get(citation.key);
    if (earlier) {
      issues.error(file, position.line, position.column, `Duplicate citation key "${citation.key}" (first used on line ${earlier.line})`, 'Every citation needs its own key; rename one of them.');
      return;
    }
    firstSeen.set(citation.key, position);
    library.all.push(citation);
    library.byKey.set(citation.key, citation);
  });
  return library;
}
