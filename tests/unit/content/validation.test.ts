import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content';
import { contentCopy, errorsOf, lineOf } from './fixture';

const SAFETY = 'content/products/vitamin-d3-k2/sections/safety.md';
const BENEFITS = 'content/products/vitamin-d3-k2/sections/benefits.md';
const PRODUCT = 'content/products/vitamin-d3-k2/product.yaml';
const CITATIONS = 'content/citations.yaml';

describe('every validation error names the file and line', () => {
  it('unknown citation key in a section, with a suggestion', () => {
    const copy = contentCopy();
    copy.edit(SAFETY, (text) =>
      text.replace('[@aha-acc-warfarin-guide]', '[@aha-acc-warfarin-guid]'),
    );
    const line = lineOf(copy.root, SAFETY, '[@aha-acc-warfarin-guid]');
    const column =
      1 + readFileSync(`${copy.root}/${SAFETY}`, 'utf8').split('\n')[line - 1]!.indexOf('[@aha');
    expect(errorsOf(copy.root)).toEqual([
      `${SAFETY}:${line}:${column}: Unknown citation key "aha-acc-warfarin-guid"`,
    ]);
    const issue = checkContent(copy.root).issues[0]!;
    expect(issue.hint).toContain('Did you mean [@aha-acc-warfarin-guide]?');
  });

  it('unknown citation key in a product.yaml highlight', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) => text.replace('[@pmc-mgp-vascular]', '[@no-such-source]'));
    const line = lineOf(copy.root, PRODUCT, '[@no-such-source]');
    expect(errorsOf(copy.root)).toEqual([
      expect.stringMatching(
        new RegExp(`^${PRODUCT}:${line}:\\d+: Unknown citation key "no-such-source"$`),
      ),
    ]);
  });

  it('duplicate citation key points at the second one and names the first line', () => {
    const copy = contentCopy();
    copy.edit(CITATIONS, (text) =>
      text.replace('- key: mayo-vitamin-d\n', '- key: ods-vitamin-d\n'),
    );
    const first = lineOf(copy.root, CITATIONS, '- key: ods-vitamin-d');
    const second = lineOf(copy.root, CITATIONS, 'title: "Vitamin D - Mayo Clinic"') - 1;
    expect(errorsOf(copy.root)).toContain(
      `${CITATIONS}:${second}:8: Duplicate citation key "ods-vitamin-d" (first used on line ${first})`,
    );
  });

  it('missing field: a citation without a title', () => {
    const copy = contentCopy();
    copy.edit(CITATIONS, (text) => text.replace('  title: "Vitamin D - Mayo Clinic"\n', ''));
    const line = lineOf(copy.root, CITATIONS, '- key: mayo-vitamin-d');
    expect(errorsOf(copy.root)).toEqual([
      `${CITATIONS}:${line}:3: citation [9].title: is required`,
    ]);
  });

  it('missing field: a variant without a price', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) => text.replace('    price: 19.00\n', ''));
    const line = lineOf(copy.root, PRODUCT, 'size: 60');
    expect(errorsOf(copy.root)).toEqual([`${PRODUCT}:${line}:5: variants[0].price: is required`]);
    expect(checkContent(copy.root).issues[0]?.hint).toBe(
      'Add a line "price: …" to this entry, lined up with its other fields.',
    );
  });

  it('malformed URL', () => {
    const copy = contentCopy();
    copy.edit(CITATIONS, (text) =>
      text.replace(
        'url: "https://www.nhs.uk/conditions/vitamins-and-minerals/vitamin-d/"',
        'url: "www.nhs.uk/vitamin d"',
      ),
    );
    const line = lineOf(copy.root, CITATIONS, 'www.nhs.uk/vitamin d');
    expect(errorsOf(copy.root)).toEqual([
      `${CITATIONS}:${line}:8: citation [37].url: must be a full web address starting with https:// and without spaces`,
    ]);
  });

  it('unknown section listed in product.yaml', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) => text.replace('  - who-benefits\n', '  - dosage\n'));
    const line = lineOf(copy.root, PRODUCT, '  - dosage');
    expect(errorsOf(copy.root)).toEqual([
      `${PRODUCT}:${line}:5: sections[2]: "dosage" is not a known section; use one of: benefits, mechanism, who-benefits, safety`,
    ]);
  });

  it('unknown section file', () => {
    const copy = contentCopy();
    copy.write(
      'content/products/vitamin-d3-k2/sections/dosage.md',
      '---\nid: dosage\ntitle: Dosage\n---\nOne a day.\n',
    );
    expect(errorsOf(copy.root)).toEqual([
      'content/products/vitamin-d3-k2/sections/dosage.md:1:1: Unknown section file "dosage.md"',
    ]);
  });

  it('empty section', () => {
    const copy = contentCopy();
    copy.write(SAFETY, '---\nid: safety\ntitle: Safety and considerations\n---\n\n');
    expect(errorsOf(copy.root)).toEqual([
      `${SAFETY}:4:1: Section "Safety and considerations" has no text`,
    ]);
  });

  it('broken YAML syntax', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) => text.replace('name: Vitamin D3 + K2', 'name: "Vitamin D3 + K2'));
    const errors = errorsOf(copy.root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${PRODUCT}:\\d+:\\d+: YAML syntax error: `));
  });

  it('a colon inside unquoted text, the most common YAML mistake, gets one plain-words message', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace('name: Vitamin D3 + K2', 'name: Vitamin D3: K2: together'),
    );
    expect(errorsOf(copy.root)).toEqual([
      `${PRODUCT}:${lineOf(copy.root, PRODUCT, 'name: Vitamin D3: K2')}:7: YAML syntax error: a second ": " on this line makes YAML read the text as a new field`,
    ]);
  });

  it('HTML in Markdown', () => {
    const copy = contentCopy();
    copy.edit(BENEFITS, (text) => text.replace('**Heart health.**', '<b>Heart health.</b>'));
    const line = lineOf(copy.root, BENEFITS, '<b>Heart');
    expect(errorsOf(copy.root)).toEqual([
      `${BENEFITS}:${line}:1: HTML is not allowed in content`,
      `${BENEFITS}:${line}:17: HTML is not allowed in content`,
    ]);
  });

  it('unclosed bold and a malformed citation', () => {
    const copy = contentCopy();
    copy.edit(BENEFITS, (text) =>
      text
        .replace('**Stronger bones.**', '**Stronger bones.')
        .replace('[@pmc-k2-cardiovascular]', '[@Bad Key]'),
    );
    const errors = errorsOf(copy.root);
    expect(errors).toContain(
      `${BENEFITS}:${lineOf(copy.root, BENEFITS, '**Stronger bones.')}:1: Bold text is opened with ** but never closed`,
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${BENEFITS}:${lineOf(copy.root, BENEFITS, '[@Bad Key]')}:\\d+: Malformed citation`,
          ),
        ),
      ]),
    );
  });

  it('reports several mistakes in one run, each at its own line', () => {
    const copy = contentCopy();
    copy.edit(SAFETY, (text) => text.replace('[@ods-vitamin-d]', '[@ods-vitamin-x]'));
    copy.edit(PRODUCT, (text) => text.replace('    price: 32.00\n', ''));
    copy.edit(CITATIONS, (text) =>
      text.replace(
        'url: "https://www.nhs.uk/conditions/vitamins-and-minerals/vitamin-d/"',
        'url: "not a url"',
      ),
    );
    const errors = errorsOf(copy.root);
    expect(errors).toHaveLength(3);
    expect(errors.map((error) => error.split(':')[0])).toEqual(
      expect.arrayContaining([SAFETY, PRODUCT, CITATIONS]),
    );
  });

  it('still checks the copy of a product whose product.yaml has errors: a marketer sees every problem in one run', () => {
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) => text.replace('    price: 32.00\n', ''));
    copy.edit(BENEFITS, (text) =>
      text.replace(
        'The science supporting this partnership',
        'Vitamin K2 cures osteoporosis. The science supporting this partnership',
      ),
    );
    const errors = errorsOf(copy.root);
    const line = lineOf(copy.root, BENEFITS, 'cures osteoporosis');
    expect(errors).toHaveLength(2);
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${BENEFITS}:${line}:\\d+: Disease claim "cures osteoporosis"`),
      ),
    );
  });
});
