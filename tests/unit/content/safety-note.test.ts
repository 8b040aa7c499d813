import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content';
import { contentCopy, errorsOf, lineOf } from './fixture';

const D3K2 = 'content/products/vitamin-d3-k2/product.yaml';
const D3 = 'content/products/vitamin-d3/product.yaml';
const D3K2_NOTE = 'Taking a blood thinner such as warfarin? Talk to your doctor first.';

const noteOf = (root: string, handle: string) =>
  checkContent(root).content?.products.find((product) => product.handle === handle)?.safetyNote;
const issuesAt = (root: string, file: string) =>
  checkContent(root).issues.filter((issue) => issue.file === file && issue.severity === 'error');

describe('the buy box safety note (safetyNote: in product.yaml)', () => {
  it('is each product’s own: vitamin K and warfarin for D3 + K2, medicines in general for D3', () => {
    expect(noteOf(process.cwd(), 'vitamin-d3-k2')).toBe(D3K2_NOTE);
    const d3 = noteOf(process.cwd(), 'vitamin-d3');
    expect(d3).toBe(
      'Taking prescription medication? Ask your doctor or pharmacist before starting.',
    );
    expect(d3).not.toMatch(/warfarin|blood thinner|vitamin K/i);
  });

  it('is optional: a product without one shows none', () => {
    const copy = contentCopy();
    copy.edit(D3, (text) => text.replace(/^safetyNote: .*\n/m, ''));
    expect(errorsOf(copy.root)).toEqual([]);
    expect(noteOf(copy.root, 'vitamin-d3')).toBeNull();
  });

  it('an empty note is an error at its line', () => {
    const copy = contentCopy();
    copy.edit(D3K2, (text) => text.replace(`safetyNote: ${D3K2_NOTE}`, 'safetyNote: ""'));
    const line = lineOf(copy.root, D3K2, 'safetyNote: ""');
    expect(errorsOf(copy.root)).toEqual([`${D3K2}:${line}:13: safetyNote: must not be empty`]);
  });

  it('a note too long for the buy box is an error that says where the details go', () => {
    const copy = contentCopy();
    const long = `${D3K2_NOTE} Vitamin K can interfere with the effectiveness of blood-thinning medications, so ask before you start and again before any change.`;
    copy.edit(D3K2, (text) => text.replace(`safetyNote: ${D3K2_NOTE}`, `safetyNote: ${long}`));
    const line = lineOf(copy.root, D3K2, 'safetyNote: ');
    expect(errorsOf(copy.root)).toEqual([
      `${D3K2}:${line}:13: safetyNote: must be at most 160 characters: one or two short sentences; the details go in sections/safety.md`,
    ]);
  });

  it('is plain text: a citation is reported at its column, with a hint to cite it in the Safety section', () => {
    const copy = contentCopy();
    copy.edit(D3K2, (text) =>
      text.replace(
        `safetyNote: ${D3K2_NOTE}`,
        `safetyNote: ${D3K2_NOTE} [@aha-acc-warfarin-guide]`,
      ),
    );
    const line = lineOf(copy.root, D3K2, '[@aha-acc-warfarin-guide]');
    const column = 'safetyNote: '.length + D3K2_NOTE.length + 2;
    expect(errorsOf(copy.root)).toEqual([
      `${D3K2}:${line}:${column}: safetyNote: "[@aha-acc-warfarin-guide]" would be shown as typed: the note is plain text`,
    ]);
    expect(issuesAt(copy.root, D3K2)[0]?.hint).toBe(
      'Write the note without citations, bold or links; the sources go in sections/safety.md, which the note links to.',
    );
  });

  it('bold in a folded note is reported on the line it is on', () => {
    const copy = contentCopy();
    copy.edit(D3K2, (text) =>
      text.replace(
        `safetyNote: ${D3K2_NOTE}`,
        'safetyNote: >-\n  Taking a blood thinner such as warfarin?\n  **Talk to your doctor first.**',
      ),
    );
    const line = lineOf(copy.root, D3K2, '**Talk to your doctor');
    expect(errorsOf(copy.root)).toEqual([
      `${D3K2}:${line}:3: safetyNote: "**" would be shown as typed: the note is plain text`,
    ]);
  });

  it('links to the Safety section, so a product with a note needs one', () => {
    const copy = contentCopy();
    copy.edit(D3, (text) => text.replace('  - who-benefits\n  - safety\n', '  - who-benefits\n'));
    const line = lineOf(copy.root, D3, 'safetyNote: ');
    expect(errorsOf(copy.root)).toEqual([
      `${D3}:${line}:13: safetyNote links to the Safety section, but sections: does not list safety`,
    ]);
    expect(issuesAt(copy.root, D3)[0]?.hint).toBe(
      'Add "- safety" under sections: (the text goes in sections/safety.md), or remove safetyNote.',
    );
  });
});
