import { locateLines } from './located-text';
import { parseMarkdown, splitFrontMatter, type ParsedMarkdown } from './markdown';
import { sectionFrontMatterSchema } from './schemas';
import { describePath, YamlFile } from './yaml-file';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';

export interface ParsedSection {
  id: string;
  title: string;
  text: ParsedMarkdown;
  file: string;
}

/** Reads a Markdown file with front matter; `expectedId` is the name the file is listed under. */
export function loadSection(
  files: ContentFiles,
  issues: IssueCollector,
  parts: string[],
  expectedId: string,
): ParsedSection | null {
  const file = files.relative(...parts);
  const source = files.read(issues, ...parts);
  if (source === null) return null;
  const split = splitFrontMatter(source, file, issues);
  if (!split) return null;

  const yaml = YamlFile.parse(file, split.frontMatter, issues, split.frontMatterLine);
  if (!yaml) return null;
  const frontMatter = sectionFrontMatterSchema.safeParse(yaml.toJS() ?? {});
  if (!frontMatter.success) {
    yaml.reportSchemaErrors(frontMatter.error, issues, describePath);
    return null;
  }
  if (frontMatter.data.id !== expectedId) {
    const position = yaml.positionOf(['id']);
    issues.error(
      file,
      position.line,
      position.column,
      `Section id "${frontMatter.data.id}" does not match its file name "${expectedId}.md"`,
      `Set id: ${expectedId}, or rename the file.`,
    );
  }

  const text = parseMarkdown(locateLines(split.body, split.bodyLine), file, issues, 'file');
  if (text.tree.children.length === 0) {
    issues.error(
      file,
      split.closingLine,
      1,
      `Section "${frontMatter.data.title}" has no text`,
      'Write at least one paragraph below the closing ---, or remove the section from product.yaml.',
    );
  }
  return { id: frontMatter.data.id, title: frontMatter.data.title, text, file };
}

/** The disclaimer is a Markdown file with only a title in its front matter. */
export function loadDisclaimer(
  files: ContentFiles,
  issues: IssueCollector,
): { title: string; text: ParsedMarkdown; file: string } | null {
  const file = files.relative('disclaimer.md');
  const source = files.read(issues, 'disclaimer.md');
  if (source === null) return null;
  const split = splitFrontMatter(source, file, issues);
  if (!split) return null;
  const yaml = YamlFile.parse(file, split.frontMatter, issues, split.frontMatterLine);
  if (!yaml) return null;
  const title = (yaml.toJS() as { title?: unknown } | null)?.title;
  if (typeof title !== 'string' || !title.trim()) {
    const position = yaml.positionOf(['title']);
    issues.error(file, position.line, position.column, 'title: is required');
    return null;
  }
  const text = parseMarkdown(locateLines(split.body, split.bodyLine), file, issues, 'file');
  if (text.tree.children.length === 0) issues.error(file, 1, 1, 'The disclaimer has no text');
  return { title, text, file };
}
