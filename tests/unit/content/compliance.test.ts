import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content';
import { contentCopy, errorsOf, lineOf } from './fixture';

const BENEFITS = 'content/products/vitamin-d3-k2/sections/benefits.md';
const SAFETY = 'content/products/vitamin-d3-k2/sections/safety.md';
const PRODUCT = 'content/products/vitamin-d3-k2/product.yaml';
const D3_PRODUCT = 'content/products/vitamin-d3/product.yaml';

const warningsOf = (root: string) =>
  checkContent(root).issues.filter((issue) => issue.severity === 'warning');

describe('compliance lint (rules in content/compliance.yaml)', () => {
  describe('disease claims', () => {
    it('flags a claim verb aimed at a disease in marketing copy, at its line and column', () => {
      const copy = contentCopy();
      copy.edit(BENEFITS, (text) =>
        text.replace(
          'vitamin K2 helps maintain vascular flexibility and health.',
          'vitamin K2 cures osteoporosis.',
        ),
      );
      const line = lineOf(copy.root, BENEFITS, 'cures osteoporosis');
      expect(errorsOf(copy.root)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${BENEFITS}:${line}:\\d+: Disease claim "cures osteoporosis": supplement copy may not say it cures, treats, prevents or diagnoses a disease$`,
          ),
        ),
      ]);
    });

    it('flags it in product.yaml text too', () => {
      const copy = contentCopy();
      copy.edit(PRODUCT, (text) =>
        text.replace('and supports vascular flexibility', 'and prevents heart disease'),
      );
      const line = lineOf(copy.root, PRODUCT, 'prevents heart disease');
      expect(errorsOf(copy.root)).toEqual([expect.stringContaining(`${PRODUCT}:${line}:`)]);
    });

    it('lets structure/function wording pass ("helps prevent calcium from depositing in your arteries")', () => {
      const copy = contentCopy();
      copy.edit(BENEFITS, (text) =>
        text.replace(
          'vitamin K2 helps maintain vascular flexibility and health.',
          'vitamin K2 helps prevent calcium from depositing in your arteries.',
        ),
      );
      expect(errorsOf(copy.root)).toEqual([]);
    });

    it('reads the buy box safety note like the rest of the buy box: a claim there is an error at its column', () => {
      const copy = contentCopy();
      copy.edit(PRODUCT, (text) =>
        text.replace('Talk to your doctor first.', 'It also helps prevent heart disease.'),
      );
      const line = lineOf(copy.root, PRODUCT, 'helps prevent heart disease');
      const column =
        1 + 'safetyNote: Taking a blood thinner such as warfarin? It also helps '.length;
      expect(errorsOf(copy.root)).toEqual([
        `${PRODUCT}:${line}:${column}: Disease claim "prevent heart disease": supplement copy may not say it cures, treats, prevents or diagnoses a disease`,
      ]);
    });

    it('lets a safety note name a condition as a caution ("Have kidney disease? Ask your doctor first.")', () => {
      const copy = contentCopy();
      copy.edit(D3_PRODUCT, (text) =>
        text.replace(
          /^safetyNote: .*$/m,
          'safetyNote: Have kidney disease? Ask your doctor first.',
        ),
      );
      expect(errorsOf(copy.root)).toEqual([]);
    });

    it('allows naming diseases in the safety text', () => {
      const copy = contentCopy();
      copy.edit(SAFETY, (text) =>
        text.replace(
          'Vitamin K2 has no established upper limit.',
          'It does not treat osteoporosis or heart disease.',
        ),
      );
      expect(errorsOf(copy.root)).toEqual([]);
    });
  });

  describe('required statements', () => {
    it('the FDA statement must be in the disclaimer', () => {
      const copy = contentCopy();
      copy.edit('content/disclaimer.md', (text) =>
        text.replace(
          'These statements have not been evaluated by the Food and Drug Administration. ',
          '',
        ),
      );
      expect(errorsOf(copy.root)).toEqual([
        'content/disclaimer.md:1:1: The disclaimer is missing the FDA statement',
      ]);
    });

    it('passes with the statement present', () => {
      expect(errorsOf(process.cwd())).toEqual([]);
    });
  });

  describe('benefit claims need a citation', () => {
    it('a benefit without a citation is a warning, not an error', () => {
      const copy = contentCopy();
      copy.edit(BENEFITS, (text) => `${text}- **Energy**: supports your daily routine\n`);
      expect(errorsOf(copy.root)).toEqual([]);
      expect(warningsOf(copy.root).map((issue) => [issue.file, issue.line, issue.message])).toEqual(
        [
          [
            BENEFITS,
            lineOf(copy.root, BENEFITS, '**Energy**'),
            'Benefit claim without a citation: "**Energy**: supports your daily routine…"',
          ],
        ],
      );
    });

    it('cited benefits and list introductions ("…support:") pass', () => {
      expect(warningsOf(process.cwd())).toEqual([]);
    });
  });

  describe('doses against the stated upper limit', () => {
    it('a daily amount above the safety text’s upper limit is an error at the Supplement Facts line', () => {
      const copy = contentCopy();
      copy.edit(D3_PRODUCT, (text) =>
        text.replace('amount: 50 mcg (2,000 IU)', 'amount: 125 mcg (5,000 IU)'),
      );
      const line = lineOf(copy.root, D3_PRODUCT, '5,000 IU');
      expect(errorsOf(copy.root)).toEqual([
        `${D3_PRODUCT}:${line}:15: Vitamin D3 (as cholecalciferol): 5,000 IU per serving is above the upper limit of 4,000 IU per day stated in the safety section`,
      ]);
    });

    it('an amount at or under the limit passes', () => {
      const copy = contentCopy();
      copy.edit(D3_PRODUCT, (text) =>
        text.replace('amount: 50 mcg (2,000 IU)', 'amount: 100 mcg (4,000 IU)'),
      );
      expect(errorsOf(copy.root)).toEqual([]);
    });
  });
});
