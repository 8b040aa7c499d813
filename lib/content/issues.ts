/** One problem found in a content file, pointing at the exact place a marketer has to fix. */
export interface ContentIssue {
  /** Path relative to the repository root, e.g. "content/citations.yaml". */
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

export function formatIssue(issue: ContentIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const label = issue.severity === 'warning' ? 'warning: ' : '';
  const hint = issue.hint ? `\n    hint: ${issue.hint}` : '';
  return `${where}: ${label}${issue.message}${hint}`;
}

/** Thrown when content has errors: its message lists every one, so the build log says what to fix. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    super(
      `Content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map(formatIssue).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}

/** Collects issues for one file so parsers can report without knowing where the file lives. */
export class IssueCollector {
  readonly issues: ContentIssue[] = [];

  report(issue: ContentIssue): void {
    this.issues.push(issue);
  }

  error(file: string, line: number, column: number, message: string, hint?: string): void {
    this.report({ file, line, column, message, hint, severity: 'error' });
  }

  warning(file: string, line: number, column: number, message: string, hint?: string): void {
    this.report({ file, line, column, message, hint, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }
}
