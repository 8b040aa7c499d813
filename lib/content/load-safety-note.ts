import { positionAt } from './located-text';
import type { ComplianceChecker } from './compliance';
import type { IssueCollector } from './issues';
import type { ProductFile } from './schemas';
import type { YamlFile } from './yaml-file';

/** Markdown other fields accept (citations, bold, code, HTML, links); this one would show it as typed. */
const MARKUP = /\[@[^\]\s]*\]?|\*\*?|`|<\/?[a-z!][^>\s]*>?|\]\([^)\s]*\)?/i;

/**
 * The caution under the buy button. It ends in a link to the Safety section, so the product needs
 * one. It is plain text, so Markdown would reach shoppers as typed. And it sits beside the price,
 * outside the Safety section, so the copy rules read it like the rest of the buy box.
 */
export function loadSafetyNote(
  data: ProductFile,
  yaml: YamlFile,
  file: string,
  issues: IssueCollector,
  compliance: ComplianceChecker | null,
): string | null {
  if (data.safetyNote === undefined) return null;
  const note = yaml.locatedText(['safetyNote'], data.safetyNote);
  const markup = MARKUP.exec(note.text);
  if (markup) {
    const position = positionAt(note, markup.index);
    issues.error(
      file,
      position.line,
      position.column,
      `safetyNote: "${markup[0]}" would be shown as typed: the note is plain text`,
      'Write the note without citations, bold or links; the sources go in sections/safety.md, which the note links to.',
    );
  }
  if (!data.sections.includes('safety')) {
    const position = yaml.positionOf(['safetyNote']);
    issues.error(
      file,
      position.line,
      position.column,
      'safetyNote links to the Safety section, but sections: does not list safety',
      'Add "- safety" under sections: (the text goes in sections/safety.md), or remove safetyNote.',
    );
  }
  compliance?.checkText(file, note);
  return data.safetyNote;
}
