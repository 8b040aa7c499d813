import type { IssueCollector } from './issues';
import type { Position } from './yaml-file';

/** Inline text as parsed, before citations are numbered for a page. */
export type ParsedInline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: ParsedInline[] }
  | { type: 'emphasis'; children: ParsedInline[] }
  | { type: 'link'; href: string; children: ParsedInline[] }
  | { type: 'cite'; key: string; file: string; position: Position };

/** Blocks keep their source text, so compliance checks can point at the exact line. */
export type ParsedBlock =
  | { type: 'paragraph'; children: ParsedInline[]; source: LocatedText }
  | { type: 'list'; items: ParsedInline[][]; sources: LocatedText[] };

/** Text with the file position of every character, so errors point at the exact column. */
export interface LocatedText {
  text: string;
  positions: Position[];
}

const CITATION = /^\[@([a-z0-9][a-z0-9-]*)\]/;
const LINK = /^\[([^\]]+)\]\(([^)\s]+)\)/;
const HTML_TAG = /^<\/?[a-zA-Z!]/;
const ALLOWED_LINK = /^(https:\/\/|http:\/\/|#|\/)/;

export function locateLine(text: string, start: Position): LocatedText {
  return {
    text,
    positions: Array.from(text, (_, index) => ({ line: start.line, column: start.column + index })),
  };
}

export function joinLines(lines: LocatedText[]): LocatedText {
  const text: string[] = [];
  const positions: Position[] = [];
  lines.forEach((line, index) => {
    if (index > 0) {
      text.push(' ');
      positions.push(line.positions[0] ?? { line: 0, column: 0 });
    }
    text.push(line.text);
    positions.push(...line.positions);
  });
  return { text: text.join(''), positions };
}

function slice(source: LocatedText, start: number, end: number): LocatedText {
  return { text: source.text.slice(start, end), positions: source.positions.slice(start, end) };
}

/** Parses the inline subset marketers use: **bold**, *emphasis*, [text](url) and [@citation-key]. */
export function parseInline(source: LocatedText, file: string, issues: IssueCollector): ParsedInline[] {
  const nodes: ParsedInline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', value: buffer });
    buffer = '';
  };
  const at = (index: number) => source.positions[index] ?? source.positions.at(-1) ?? { line: 1, column: 1 };
  const { text } = source;

  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const char = text[index];

    if (char === '\\' && index + 1 < text.length) {
      buffer += text[index + 1];
      index += 2;
      continue;
    }
    if (rest.startsWith('[@')) {
      const match = CITATION.exec(rest);
      if (!match) {
        const { line, column } = at(index);
        issues.error(file, line, column, `Malformed citation "${rest.slice(0, 30)}"`, 'Write a citation as [@key], one key per pair of brackets, e.g. [@ods-vitamin-d].');
        buffer += char;
        index += 1;
        continue;
      }
      flush();
      nodes.push({ type: 'cite', key: match[1]!, file, position: at(index) });
      index += match[0].length;
      continue;
    }
    if (char === '[') {
      const match = LINK.exec(rest);
      if (match) {
        const href = match[2]!;
        if (!ALLOWED_LINK.test(href)) {
          const { line, column } = at(index);
          issues.error(file, line, column, `Link "${href}" is not a web address`, 'Links start with https://, / or #.');
        }
        flush();
        const labelStart = index + 1;
        nodes.push({ type: 'link', href, children: parseInline(slice(source, labelStart, labelStart + match[1]!.length), file, issues) });
        index += match[0].length;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const close = text.indexOf('**', index + 2);
      if (close === -1) {
        const { line, column } = at(index);
        issues.error(file, line, column, 'Bold text is opened with ** but never closed', 'Put ** on both sides: **like this**.');
        index += 2;
        continue;
      }
      flush();
      nodes.push({ type: 'strong', children: parseInline(slice(source, index + 2, close), file, issues) });
      index = close + 2;
      continue;
    }
    if (char === '*') {
      const close = text.indexOf('*', index + 1);
      if (close > index + 1) {
        flush();
        nodes.push({ type: 'emphasis', children: parseInline(slice(source, index + 1, close), file, issues) });
        index = close + 1;
        continue;
      }
    }
    if (char === '<' && HTML_TAG.test(rest)) {
      const { line, column } = at(index);
      issues.error(file, line, column, 'HTML is not allowed in content', 'Use **bold**, *emphasis*, [text](https://…) and [@key] instead of HTML tags.');
      const end = text.indexOf('>', index);
      index = end === -1 ? text.length : end + 1;
      continue;
    }
    buffer += char;
    index += 1;
  }
  flush();
  return nodes;
}

/** Splits Markdown lines into paragraphs and "- " lists; anything else is reported, not guessed at. */
export function parseBlocks(lines: LocatedText[], file: string, issues: IssueCollector): ParsedBlock[] {
  const blocks: ParsedBlock[] = [];
  let paragraph: LocatedText[] = [];
  let items: LocatedText[][] = [];

  const flush = () => {
    if (paragraph.length > 0) {
      const source = joinLines(paragraph);
      blocks.push({ type: 'paragraph', children: parseInline(source, file, issues), source });
    }
    if (items.length > 0) {
      const sources = items.map(joinLines);
      blocks.push({ type: 'list', items: sources.map((source) => parseInline(source, file, issues)), sources });
    }
    paragraph = [];
    items = [];
  };

  for (const line of lines) {
    const trimmed = line.text.trim();
    const indent = line.text.length - line.text.trimStart().length;
    const start = line.positions[0];
    if (!trimmed || !start) {
      flush();
      continue;
    }
    if (trimmed.startsWith('#')) {
      issues.error(file, start.line, start.column + indent, 'Headings are not allowed inside a section', 'The section heading comes from "title:" at the top of the file; use **bold** for emphasis.');
      continue;
    }
    const bullet = /^[-*] +/.exec(trimmed);
    if (bullet) {
      if (paragraph.length > 0) flush();
      items.push([slice(line, indent + bullet[0].length, line.text.length)]);
    } else if (items.length > 0 && indent > 0) {
      items.at(-1)!.push(slice(line, indent, line.text.length));
    } else {
      if (items.length > 0) flush();
      paragraph.push(slice(line, indent, line.text.length));
    }
  }
  flush();
  return blocks;
}

/** Splits a Markdown file into its `---` front matter and its body, keeping line numbers. */
export function splitFrontMatter(
  source: string,
  file: string,
  issues: IssueCollector,
): { frontMatter: string; frontMatterLine: number; closingLine: number; body: LocatedText[] } | null {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    issues.error(file, 1, 1, 'The file must start with front matter between two "---" lines', 'Begin the file with ---, then id: and title:, then --- again.');
    return null;
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) {
    issues.error(file, 1, 1, 'The front matter is never closed', 'Add a line with only --- after the title.');
    return null;
  }
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    frontMatterLine: 1,
    closingLine: end + 1,
    body: lines.slice(end + 1).map((text, index) => locateLine(text, { line: end + 2 + index, column: 1 })),
  };
}
