import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { joinLines, locateLine, type LocatedText, type Position } from './located-text';
import type { IssueCollector } from './issues';
import type { z } from 'zod';

export type { Position };

/** A parsed YAML file that can say on which line any value sits. */
export class YamlFile {
  private constructor(
    private readonly sourceLines: string[],
    readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
    /** Lines before the YAML starts in the file (front matter sits below the `---` line). */
    private readonly lineOffset: number,
  ) {}

  static parse(
    file: string,
    source: string,
    issues: IssueCollector,
    lineOffset = 0,
  ): YamlFile | null {
    const lineCounter = new LineCounter();
    const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
    const [error] = document.errors;
    if (error) {
      // Later syntax errors are almost always echoes of the first: report the one to fix.
      const position = error.linePos?.[0] ?? { line: 1, col: 1 };
      const { message, hint } = explainYamlError(error.code, error.message);
      issues.error(
        file,
        position.line + lineOffset,
        position.col,
        `YAML syntax error: ${message}`,
        hint,
      );
      return null;
    }
    return new YamlFile(source.split(/\r?\n/), file, document, lineCounter, lineOffset);
  }

  toJS(): unknown {
    return this.document.toJS();
  }

  /** Where the value at `path` starts; falls back to the nearest parent that exists. */
  positionOf(path: ReadonlyArray<PropertyKey>): Position {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.document.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
      const start = node?.range?.[0];
      if (start !== undefined) return this.toPosition(start);
    }
    return { line: 1 + this.lineOffset, column: 1 };
  }

  /** Position of the first character of a scalar's text (inside its quotes or block indicator). */
  textStartOf(path: ReadonlyArray<PropertyKey>): Position {
    const node = this.document.getIn(path as unknown[], true) as Node | undefined;
    if (!node?.range) return this.positionOf(path);
    const position = this.toPosition(node.range[0]);
    const type = (node as { type?: string }).type;
    if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE')
      return { ...position, column: position.column + 1 };
    // Block scalars (`>-`, `|`) start on the line below their indicator.
    if (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL')
      return { line: position.line + 1, column: 1 };
    return position;
  }

  /**
   * A text value with the file position of each character. Folded blocks (`>-`) are rebuilt from
   * their source lines, so a problem in the third line of a paragraph is reported on that line.
   */
  locatedText(path: ReadonlyArray<PropertyKey>, value: string): LocatedText {
    const node = this.document.getIn(path as unknown[], true) as
      (Node & { type?: string }) | undefined;
    if (node?.range && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) {
      const first = this.toPosition(node.range[0]).line + 1;
      const last = this.toPosition(Math.max(node.range[0], node.range[1] - 1)).line;
      const lines = this.sourceLines
        .slice(first - 1 - this.lineOffset, last - this.lineOffset)
        .map((text, index) => {
          const indent = text.length - text.trimStart().length;
          return locateLine(text.trim(), { line: first + index, column: indent + 1 });
        })
        .filter((line) => line.text.length > 0);
      const joined = joinLines(lines);
      if (joined.text === value.replace(/\s+/g, ' ').trim()) return joined;
    }
    return locateLine(value, this.textStartOf(path));
  }

  /** Reports every zod issue at the line of the value it is about. */
  reportSchemaErrors(
    error: z.ZodError,
    issues: IssueCollector,
    describe: (path: PropertyKey[]) => string,
    prefix: PropertyKey[] = [],
  ): void {
    for (const issue of error.issues) {
      const path = [...prefix, ...(issue.path as PropertyKey[])];
      const position = this.positionOf(path);
      const missing =
        issue.message === 'is required' ||
        (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'));
      const message = missing
        ? 'is required'
        : issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.message;
      const field = [...path].reverse().find((part) => typeof part === 'string');
      const hint =
        missing && field
          ? `Add a line "${String(field)}: …" to this entry, lined up with its other fields.`
          : undefined;
      issues.error(
        this.file,
        position.line,
        position.column,
        `${describe(issue.path as PropertyKey[])}: ${message}`,
        hint,
      );
    }
  }

  isCollection(path: ReadonlyArray<PropertyKey>): boolean {
    const node = this.document.getIn(path as unknown[], true);
    return isMap(node) || isSeq(node);
  }

  private toPosition(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line: line + this.lineOffset, column: col };
  }
}

/** "highlights[2].title" — the way a marketer would point at a field. */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text || 'file';
}

/** yaml's messages are written for programmers; these are the mistakes marketers actually make. */
function explainYamlError(code: string, raw: string): { message: string; hint: string } {
  const quoteHint = 'Put the text in double quotes, e.g. name: "Vitamin D3: 2,000 IU".';
  if (/nested mappings|implicit key|compact mapping/i.test(raw)) {
    return {
      message: 'a second ": " on this line makes YAML read the text as a new field',
      hint: quoteHint,
    };
  }
  switch (code) {
    case 'DUPLICATE_KEY':
      return { message: 'this field appears twice', hint: 'Keep one of them.' };
    case 'TAB_AS_INDENT':
      return { message: 'a tab is used for indentation', hint: 'Indent with spaces only.' };
    case 'BAD_INDENT':
      return {
        message: 'the indentation of this line does not match the lines around it',
        hint: 'Line the field up with the fields next to it (two spaces per level).',
      };
    case 'MISSING_CHAR':
      return {
        message: 'a quote or bracket is opened but never closed',
        hint: 'Close the quote (") or bracket on the same value.',
      };
    case 'BAD_SCALAR_START':
      return { message: 'this text starts with a character YAML reserves', hint: quoteHint };
    default:
      return {
        message: (raw.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, ''),
        hint: 'Check the indentation, and put quotes around text that contains a colon (:) or starts with a special character.',
      };
  }
}
