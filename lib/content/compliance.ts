import { z } from 'zod';
import { readYaml } from './read-yaml';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';
import type { LocatedText, Position } from './located-text';
import type { CopyBlock } from './markdown';
import type { SupplementFacts } from './types';

const rulesSchema = z.strictObject({
  claimWords: z.array(z.string().min(1)).min(1),
  diseases: z.array(z.string().min(1)).min(1),
  notCheckedForDiseaseClaims: z.array(z.string()).default([]),
  fdaStatement: z.string().min(1),
  sectionsThatNeedCitations: z.array(z.string()).default([]),
  upperLimits: z
    .array(z.strictObject({ nutrient: z.string().min(1), unit: z.string().min(1) }))
    .default([]),
  offerWords: z.array(z.string().min(1)).default([]),
});

export type ComplianceRules = z.infer<typeof rulesSchema>;

export function loadComplianceRules(
  files: ContentFiles,
  issues: IssueCollector,
): ComplianceRules | null {
  return readYaml(files, issues, ['compliance.yaml'], rulesSchema).data;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Applies content/compliance.yaml to marketing copy; every finding points at a file and line. */
export class ComplianceChecker {
  private readonly claim: RegExp;
  private readonly disease: RegExp;
  private readonly offer: RegExp | null;

  constructor(
    private readonly rules: ComplianceRules,
    private readonly issues: IssueCollector,
  ) {
    this.claim = new RegExp(`\\b(?:${rules.claimWords.map(escape).join('|')})\\b`, 'gi');
    this.disease = new RegExp(`\\b(?:${rules.diseases.map(escape).join('|')})\\b`, 'i');
    // "gluten-free" is not an offer: a word counts only when no letter or dash touches it.
    this.offer = rules.offerWords.length
      ? new RegExp(`(?<![\\w-])(?:${rules.offerWords.map(escape).join('|')})(?![\\w-])`, 'i')
      : null;
  }

  /** Disease claims: a claim word followed by a disease in the same sentence. */
  checkCopy(file: string, blocks: CopyBlock[], sectionId?: string): void {
    if (sectionId && this.rules.notCheckedForDiseaseClaims.includes(sectionId)) return;
    for (const { source } of blocks) this.checkText(file, source);
  }

  checkText(file: string, source: LocatedText): void {
    for (const sentence of sentences(source.text)) {
      this.claim.lastIndex = 0;
      for (
        let match = this.claim.exec(sentence.text);
        match;
        match = this.claim.exec(sentence.text)
      ) {
        const after = sentence.text.slice(match.index);
        const disease = this.disease.exec(after);
        if (!disease) continue;
        const phrase = after.slice(0, disease.index + disease[0].length);
        const position = source.positions[sentence.start + match.index] ?? { line: 1, column: 1 };
        this.issues.error(
          file,
          position.line,
          position.column,
          `Disease claim "${phrase}": supplement copy may not say it cures, treats, prevents or diagnoses a disease`,
          'Say how it supports the body instead (e.g. "supports bone health"), or move warnings to the safety section. Rules: content/compliance.yaml.',
        );
        break;
      }
    }
  }

  /**
   * Subscription copy: an offer ("free", "no cost"…) states its condition with its number in the same
   * sentence ("free shipping on orders of $35 or more"), as auto-renewal laws ask of the terms beside
   * a subscribe button.
   */
  checkOfferTerms(file: string, source: LocatedText): void {
    if (!this.offer) return;
    for (const sentence of termSentences(source.text)) {
      const offer = this.offer.exec(sentence.text);
      if (!offer || /\d/.test(sentence.text)) continue;
      const position = source.positions[sentence.start + offer.index] ?? { line: 1, column: 1 };
      this.issues.error(
        file,
        position.line,
        position.column,
        `"${offer[0]}" without its terms: subscription copy that offers something free must say on what condition, with the number, in the same sentence`,
        'E.g. "free shipping on orders of $35 or more", or "first delivery free, then $17.10 every 30 days"; shipping costs and prices are written by the page from content/policies.yaml. Rules: content/compliance.yaml.',
      );
    }
  }

  /** Benefit claims should cite a source; a paragraph that introduces a list ("…support:") is not a claim. */
  checkCitations(file: string, blocks: CopyBlock[], sectionId: string): void {
    if (!this.rules.sectionsThatNeedCitations.includes(sectionId)) return;
    for (const { source, cited } of blocks) {
      if (source.text.trim().endsWith(':') || cited) continue;
      const position = source.positions[0] ?? { line: 1, column: 1 };
      this.issues.warning(
        file,
        position.line,
        position.column,
        `Benefit claim without a citation: "${source.text.slice(0, 60)}…"`,
        'Add the source that supports it, e.g. [@ods-vitamin-d].',
      );
    }
  }

  /** The FDA statement must appear word for word in the disclaimer. */
  checkDisclaimer(file: string, blocks: CopyBlock[]): void {
    const text = normalize(blocks.map(({ source }) => source.text).join(' '));
    if (!text.includes(normalize(this.rules.fdaStatement))) {
      this.issues.error(
        file,
        1,
        1,
        'The disclaimer is missing the FDA statement',
        `Add this sentence word for word: "${this.rules.fdaStatement}"`,
      );
    }
  }

  /** A daily amount above the upper limit the product's own safety text states is an error. */
  checkUpperLimits(
    file: string,
    facts: SupplementFacts | null,
    safety: CopyBlock[],
    factsPosition: (row: number) => Position,
  ): void {
    if (!facts) return;
    const safetyText = safety.map(({ source }) => source.text).join(' ');
    for (const { nutrient, unit } of this.rules.upperLimits) {
      const limit = new RegExp(
        `upper (?:intake level|limit) for ${escape(nutrient)} is ([\\d,]+) ${escape(unit)}`,
        'i',
      ).exec(safetyText);
      if (!limit) continue;
      const maximum = Number(limit[1]!.replace(/,/g, ''));
      facts.rows.forEach((row, index) => {
        if (!row.nutrient.toLowerCase().includes(nutrient.toLowerCase())) return;
        const amount = new RegExp(`([\\d,]+)\\s*${escape(unit)}`, 'i').exec(row.amount);
        if (!amount) return;
        const daily = Number(amount[1]!.replace(/,/g, ''));
        if (daily > maximum) {
          const position = factsPosition(index);
          this.issues.error(
            file,
            position.line,
            position.column,
            `${row.nutrient}: ${daily.toLocaleString('en-US')} ${unit} per serving is above the upper limit of ${maximum.toLocaleString('en-US')} ${unit} per day stated in the safety section`,
            'Fix the amount in supplementFacts, or the upper limit in sections/safety.md if that is the mistake.',
          );
        }
      });
    }
  }
}

/** Sentences that end at a stop followed by a space, so "$17.10" stays inside its sentence. */
function termSentences(text: string): Array<{ text: string; start: number }> {
  const result: Array<{ text: string; start: number }> = [];
  const pattern = /\S.*?(?:[.!?]+(?=\s|$)|$)/gs;
  for (let match = pattern.exec(text); match; match = pattern.exec(text))
    result.push({ text: match[0], start: match.index });
  return result;
}

function sentences(text: string): Array<{ text: string; start: number }> {
  const result: Array<{ text: string; start: number }> = [];
  const pattern = /[^.!?]+[.!?]*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text))
    result.push({ text: match[0], start: match.index });
  return result;
}
