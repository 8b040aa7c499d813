/**
 * The Markdown marketers write (section files, the disclaimer, text fields in product.yaml), parsed
 * with remark. What the page cannot show is reported at its file:line:column and taken out of the
 * tree; what is left is paragraphs, lists, bold, emphasis, web links and `[@key]` citations.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { joinLines, positionAt, sliceLocated, type LocatedText } from './located-text';
import { remarkCitations, type CitationNode } from './markdown-citations';
import type { IssueCollector } from './issues';
import type { List, ListItem, Nodes, Paragraph, Root, RootContent, Text } from 'mdast';

/**
 * Where the text comes from, for the wording of messages and what it may contain:
 * a Markdown file (sections, disclaimer), a text field in product.yaml, or one entry of a `list:`.
 */
export type MarkdownPlace = 'file' | 'field' | 'list-item';

/** A paragraph or list item as written, for the compliance lint. */
export interface CopyBlock {
  source: LocatedText;
  /** Whether it cites a source (any `[@key]`, known or not). */
  cited: boolean;
}

export interface ParsedMarkdown {
  /** Only what the page may show; citations are `citation` nodes, numbered when a page renders. */
  tree: Root;
  copy: CopyBlock[];
}

const markdown = unified().use(remarkParse).use(remarkCitations).freeze();

/**
 * Web links and links within the site; everything else (javascript:, data:, mailto:…) is refused.
 * `//host` and `/\host` are links to another site (browsers read both as protocol-relative), so a
 * site link is a single slash followed by something else.
 */
const ALLOWED_LINK = /^(https:\/\/|http:\/\/|#|\/(?![/\\]))/;
const CITATION_HINT =
  'Write a citation as [@key], one key per pair of brackets, e.g. [@ods-vitamin-d].';
const HTML_HINT = 'Use **bold**, *emphasis*, [text](https://…) and [@key] instead of HTML tags.';

interface Problem {
  message: string;
  hint?: string;
}

export function parseMarkdown(
  source: LocatedText,
  file: string,
  issues: IssueCollector,
  place: MarkdownPlace,
): ParsedMarkdown {
  const tree = markdown.parse(source.text);
  const report = (offset: number | undefined, { message, hint }: Problem) => {
    const { line, column } = positionAt(source, offset ?? 0);
    issues.error(file, line, column, message, hint);
  };

  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'break') {
      // A hard line break (two trailing spaces or a trailing \) is invisible in the file: read it
      // as the plain line break it looks like.
      parent.children.splice(index, 1, {
        type: 'text',
        value: '\n',
        position: node.position,
      } as Text);
      return;
    }
    const problem = problemWith(node, place, source);
    if (problem) {
      report(node.position?.start.offset, problem);
      // Not shown, and not looked into: one message for the whole heading, quote or code block.
      (parent.children as RootContent[]).splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'link') {
      visit(node, 'citation', (citation) => {
        report(citation.position?.start.offset, {
          message: 'A citation cannot be inside the text of a link',
          hint: 'Put the citation after the link: [text](https://…) [@key].',
        });
      });
    }
    if (node.type === 'text') {
      for (const problem of unparsedMarkup(node, source)) report(problem.offset, problem);
    }
    return undefined;
  });

  visit(tree, 'citation', (citation: CitationNode) => {
    citation.data = { file, at: positionAt(source, citation.position?.start.offset ?? 0) };
  });
  tightenCitations(tree);
  return { tree, copy: copyBlocks(tree, source) };
}

/** The entries of a `list:` in product.yaml as one bulleted list. */
export function listOf(entries: ParsedMarkdown[]): ParsedMarkdown {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: entries.map((entry): ListItem => ({
      type: 'listItem',
      spread: false,
      children: entry.tree.children as ListItem['children'],
    })),
  };
  return { tree: { type: 'root', children: [list] }, copy: entries.flatMap((entry) => entry.copy) };
}

function problemWith(node: Nodes, place: MarkdownPlace, source: LocatedText): Problem | null {
  switch (node.type) {
    case 'paragraph':
    case 'text':
    case 'strong':
    case 'emphasis':
    case 'citation':
    case 'listItem':
      return null;
    case 'list':
      return place === 'list-item'
        ? {
            message: 'A list is not allowed inside a list entry',
            hint: 'Remove the "- " (or "1. ") at the start: each entry under list: is already one bullet.',
          }
        : null;
    case 'link':
      return ALLOWED_LINK.test(node.url)
        ? null
        : {
            message: `Link "${node.url}" is not a web address`,
            hint: 'Links start with https:// (written in full), / for a page of this site, or # for a part of this page.',
          };
    case 'heading': {
      const marker = source.text[node.position?.start.offset ?? 0] === '#';
      if (!marker) {
        return {
          message:
            'A line of --- or === under text makes that text a heading, which is not allowed here',
          hint: 'Remove the --- (or ===) line; leave an empty line between paragraphs instead.',
        };
      }
      return place === 'file'
        ? {
            message: 'Headings are not allowed inside a section',
            hint: 'The section heading comes from "title:" at the top of the file; use **bold** for emphasis.',
          }
        : {
            message: 'Headings are not allowed in this text',
            hint: 'A line starting with # is a heading; remove the #, or use **bold** for emphasis.',
          };
    }
    case 'html':
      return { message: 'HTML is not allowed in content', hint: HTML_HINT };
    case 'image':
    case 'imageReference':
      return {
        message: 'Images are not allowed in text',
        hint: 'The product images are set in product.yaml (image:); remove the ![…](…).',
      };
    case 'linkReference':
    case 'definition':
      return {
        message:
          'Reference-style links ([text][name] with a [name]: address line) are not supported',
        hint: 'Write the address in the link itself: [text](https://…).',
      };
    case 'code':
      return {
        message:
          'This is a code block (a line indented by 4 or more spaces, or text between ``` lines)',
        hint: 'Remove the indentation or the ``` lines: sections are plain paragraphs and lists.',
      };
    case 'inlineCode':
      return {
        message: 'Code (text between `backticks`) is not allowed',
        hint: 'Remove the backticks.',
      };
    case 'blockquote':
      return {
        message: 'Quotes (lines starting with >) are not allowed',
        hint: 'Remove the > at the start of the line.',
      };
    case 'thematicBreak':
      return {
        message: 'A dividing line (---, *** or ___) is not allowed in text',
        hint: 'Remove the line; leave an empty line between paragraphs instead.',
      };
    default:
      // Only reachable if a Markdown extension is added without deciding how the page shows it.
      return {
        message: `This Markdown (${node.type}) is not supported here`,
        hint: 'Use paragraphs, "- " lists, **bold**, *emphasis*, [text](https://…) and [@key].',
      };
  }
}

/**
 * Markup that remark read as plain text, because it is not valid Markdown: an unclosed `**` and a
 * `[@` that is not a citation. Found in the text's source, where an escaped `\[@` or `\**` stays text.
 */
function unparsedMarkup(node: Text, source: LocatedText): Array<Problem & { offset: number }> {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const raw = source.text.slice(start, end);
  const problems: Array<Problem & { offset: number }> = [];
  const unescaped = (index: number) => raw[index - 1] !== '\\';
  for (let index = raw.indexOf('[@'); index !== -1; index = raw.indexOf('[@', index + 2)) {
    if (unescaped(index))
      problems.push({
        offset: start + index,
        message: `Malformed citation "${raw.slice(index, index + 30)}"`,
        hint: CITATION_HINT,
      });
  }
  for (let index = raw.indexOf('**'); index !== -1; index = raw.indexOf('**', index + 2)) {
    if (unescaped(index)) {
      problems.push({
        offset: start + index,
        message: 'Bold text is opened with ** but never closed',
        hint: 'Put ** on both sides, with no space just inside them: **like this**.',
      });
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/** "text [@key]" is written with a space for readability; the footnote marker sits right after the word. */
function tightenCitations(tree: Root): void {
  visit(tree, 'citation', (_node: CitationNode, index, parent) => {
    if (!parent || index === undefined || index === 0) return;
    const before = parent.children[index - 1];
    if (before?.type !== 'text') return;
    before.value = before.value.trimEnd();
    if (before.value === '') {
      parent.children.splice(index - 1, 1);
      return index - 1;
    }
    return undefined;
  });
}

/** Each paragraph (in a list, each item's text) with its file positions, lines joined as they read. */
function copyBlocks(tree: Root, source: LocatedText): CopyBlock[] {
  const blocks: CopyBlock[] = [];
  visit(tree, 'paragraph', (paragraph: Paragraph) => {
    const start = paragraph.position?.start.offset;
    const end = paragraph.position?.end.offset;
    if (start === undefined || end === undefined) return;
    let offset = start;
    const lines = sliceLocated(source, start, end)
      .text.split('\n')
      .map((line) => {
        const indent = line.length - line.trimStart().length;
        const located = sliceLocated(source, offset + indent, offset + line.length);
        offset += line.length + 1;
        return located;
      });
    let cited = false;
    visit(paragraph, 'citation', () => {
      cited = true;
    });
    blocks.push({ source: joinLines(lines), cited });
    return SKIP;
  });
  return blocks;
}

/** Splits a Markdown file into its `---` front matter and its body, keeping line numbers. */
export function splitFrontMatter(
  source: string,
  file: string,
  issues: IssueCollector,
): {
  frontMatter: string;
  frontMatterLine: number;
  closingLine: number;
  body: string[];
  bodyLine: number;
} | null {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    issues.error(
      file,
      1,
      1,
      'The file must start with front matter between two "---" lines',
      'Begin the file with ---, then id: and title:, then --- again.',
    );
    return null;
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) {
    issues.error(
      file,
      1,
      1,
      'The front matter is never closed',
      'Add a line with only --- after the title.',
    );
    return null;
  }
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    frontMatterLine: 1,
    closingLine: end + 1,
    body: lines.slice(end + 1),
    bodyLine: end + 2,
  };
}
