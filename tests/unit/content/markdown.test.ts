import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content';
import { IssueCollector } from '@/lib/content/issues';
import { pageRenderer } from '@/lib/content/render-html';
import { CitationResolver } from '@/lib/content/resolve-citations';
import { contentCopy, errorsOf } from './fixture';
import type { Element } from 'domhandler';
import type { Root } from 'mdast';

const BENEFITS = 'content/products/vitamin-d3-k2/sections/benefits.md';
const SAFETY = 'content/products/vitamin-d3-k2/sections/safety.md';
const PRODUCT = 'content/products/vitamin-d3-k2/product.yaml';

/** The real benefits section with `markdown` added as its own paragraph; `at(needle)` is where a message must point. */
function withMarkdown(
  markdown: string,
  file = BENEFITS,
  edit: (text: string) => string = (text) => `${text}\n${markdown}\n`,
) {
  const copy = contentCopy();
  copy.edit(file, edit);
  const lines = fs.readFileSync(path.join(copy.root, file), 'utf8').split('\n');
  const at = (needle: string) => {
    const index = lines.findLastIndex((line) => line.includes(needle));
    if (index === -1) throw new Error(`"${needle}" not found`);
    return `${file}:${index + 1}:${lines[index]!.indexOf(needle) + 1}`;
  };
  return { errors: errorsOf(copy.root), at, root: copy.root };
}

describe('section Markdown: what sections may not contain is reported at its line and column', () => {
  it('a heading, and a setext heading (text underlined with ---)', () => {
    const heading = withMarkdown('## Dosage');
    expect(heading.errors).toEqual([
      `${heading.at('## Dosage')}: Headings are not allowed inside a section`,
    ]);
    const setext = withMarkdown('Dosage\n---');
    expect(setext.errors).toEqual([
      `${setext.at('Dosage')}: A line of --- or === under text makes that text a heading, which is not allowed here`,
    ]);
  });

  it('raw HTML, inline and as a block', () => {
    const inline = withMarkdown('Take one <script>alert(1)</script> daily.');
    expect(inline.errors).toEqual([
      `${inline.at('<script>')}: HTML is not allowed in content`,
      `${inline.at('</script>')}: HTML is not allowed in content`,
    ]);
    const block = withMarkdown('<div onclick="alert(1)">\nTake one daily.\n</div>');
    expect(block.errors).toEqual([`${block.at('<div')}: HTML is not allowed in content`]);
  });

  it('an image', () => {
    const { errors, at } = withMarkdown('See the label: ![label](/images/vitamin-d3-k2.svg)');
    expect(errors).toEqual([`${at('![label]')}: Images are not allowed in text`]);
  });

  it('javascript:, data: and mailto: links, however they are spelled', () => {
    const plain = withMarkdown('[Read more](javascript:alert(1))');
    expect(plain.errors).toEqual([
      `${plain.at('[Read more]')}: Link "javascript:alert(1)" is not a web address`,
    ]);
    // remark decodes the reference, so the check sees what the browser would follow.
    const encoded = withMarkdown('[Read more](java&#115;cript:alert(1))');
    expect(encoded.errors).toEqual([
      `${encoded.at('[Read more]')}: Link "javascript:alert(1)" is not a web address`,
    ]);
    const autolink = withMarkdown('<javascript:alert(1)>');
    expect(autolink.errors).toEqual([
      `${autolink.at('<javascript')}: Link "javascript:alert(1)" is not a web address`,
    ]);
    const data = withMarkdown('[Label](data:text/html;base64,PHNjcmlwdD4=)');
    expect(data.errors).toEqual([
      `${data.at('[Label]')}: Link "data:text/html;base64,PHNjcmlwdD4=" is not a web address`,
    ]);
    const mail = withMarkdown('[Write to us](mailto:help@example.com)');
    expect(mail.errors).toEqual([
      `${mail.at('[Write to us]')}: Link "mailto:help@example.com" is not a web address`,
    ]);
    // Starts with a slash, but leaves the site.
    const offSite = withMarkdown('[Our shop](//evil.example/checkout)');
    expect(offSite.errors).toEqual([
      `${offSite.at('[Our shop]')}: Link "//evil.example/checkout" is not a web address`,
    ]);
  });

  it('web links, links within the site and autolinks pass', () => {
    const { errors } = withMarkdown(
      'See [the NIH](https://ods.od.nih.gov/), [safety](#safety), [D3](/products/vitamin-d3) and <https://www.nhs.uk/>.',
    );
    expect(errors).toEqual([]);
  });

  it('code, quotes, dividing lines, reference-style links', () => {
    // After a paragraph: after a list item, an indented line continues the item, as in any Markdown.
    const indented = withMarkdown('    Take one daily.', SAFETY);
    expect(indented.errors).toEqual([
      `${indented.at('    Take')}: This is a code block (a line indented by 4 or more spaces, or text between \`\`\` lines)`,
    ]);
    const code = withMarkdown('Take `one` daily.');
    expect(code.errors).toEqual([
      `${code.at('`one`')}: Code (text between \`backticks\`) is not allowed`,
    ]);
    const quote = withMarkdown('> Take one daily.');
    expect(quote.errors).toEqual([
      `${quote.at('> Take')}: Quotes (lines starting with >) are not allowed`,
    ]);
    const rule = withMarkdown('***');
    expect(rule.errors).toEqual([
      `${rule.at('***')}: A dividing line (---, *** or ___) is not allowed in text`,
    ]);
    const reference = withMarkdown('See [the NIH][nih].\n\n[nih]: https://ods.od.nih.gov/');
    expect(reference.errors).toEqual([
      `${reference.at('[the NIH]')}: Reference-style links ([text][name] with a [name]: address line) are not supported`,
      `${reference.at('[nih]:')}: Reference-style links ([text][name] with a [name]: address line) are not supported`,
    ]);
  });

  it('a citation inside a link (it would nest a link in a link)', () => {
    const { errors, at } = withMarkdown('[Vitamin D [@ods-vitamin-d]](https://ods.od.nih.gov/)');
    expect(errors).toEqual([
      `${at('[@ods-vitamin-d]]')}: A citation cannot be inside the text of a link`,
    ]);
  });

  it('the column is exact on continuation lines of a list item and after escapes', () => {
    const { errors, at } = withMarkdown(
      '- First line \\*of an item\n  and its \\[second] line [@ods-vitamin-x]',
    );
    expect(errors).toEqual([`${at('[@ods-vitamin-x]')}: Unknown citation key "ods-vitamin-x"`]);
  });

  it('an escaped \\[@key] is text, not a citation', () => {
    const { errors, root } = withMarkdown('Written as \\[@ods-vitamin-d] in the file.');
    expect(errors).toEqual([]);
    const benefits = checkContent(root).content!.products[0]!.sections[0]!.html;
    expect(benefits).toContain('<p>Written as [@ods-vitamin-d] in the file.</p>');
  });

  it('in product.yaml text too, at the line and column in the YAML file', () => {
    const entry = withMarkdown('', PRODUCT, (text) =>
      text.replace(
        '      - Adults supporting long-term bone density and strength',
        '      - "- Adults supporting long-term bone density and strength"',
      ),
    );
    expect(entry.errors).toEqual([
      `${entry.at('- Adults')}: A list is not allowed inside a list entry`,
    ]);
    // The second line of a folded (>-) block: the message points into that line, not at the field.
    const folded = withMarkdown('', PRODUCT, (text) =>
      text.replace('then directs that calcium', 'then directs [that](javascript:alert(1)) calcium'),
    );
    expect(folded.errors).toEqual([
      `${folded.at('[that]')}: Link "javascript:alert(1)" is not a web address`,
    ]);
  });
});

describe('rendered HTML', () => {
  const { content } = checkContent(process.cwd());
  const product = content!.products.find((item) => item.handle === 'vitamin-d3-k2')!;
  const html = [
    ...product.highlights.map((highlight) => highlight.html),
    ...product.sections.map((section) => section.html),
    product.takeaway,
    product.disclaimer.html,
  ].join('');

  it('has only the elements and attributes the schema allows', () => {
    const elements = DomUtils.findAll(() => true, parseDocument(html).children) as Element[];
    expect(new Set(elements.map((element) => element.name))).toEqual(
      new Set(['p', 'ul', 'li', 'strong', 'sup', 'a', 'span']),
    );
    for (const element of elements) {
      const allowed = element.name === 'a' ? ['href', 'id'] : [];
      expect(Object.keys(element.attribs).filter((name) => !allowed.includes(name))).toEqual([]);
    }
  });

  it('marks each citation as a numbered footnote link with an id the works cited list links back to', () => {
    expect(product.sections.find((section) => section.id === 'safety')!.html).toContain(
      'warfarin.<sup><a id="ref-aha-acc-warfarin-guide-1" href="#cite-aha-acc-warfarin-guide">[<span>source </span>54]</a></sup><sup><a id="ref-blood-k-warfarin-stability-1" href="#cite-blood-k-warfarin-stability">[<span>source </span>55]</a></sup> If you take',
    );
  });

  it('rehype-sanitize drops what the Markdown rules should have stopped, if a tree ever got past them', () => {
    const issues = new IssueCollector();
    const render = pageRenderer(
      new CitationResolver({ all: [], byKey: new Map(), brokenKeys: new Set() }, issues, []),
    );
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'html', value: '<img src=x onerror="alert(1)">' },
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              url: 'javascript:alert(1)',
              children: [{ type: 'text', value: 'click' }],
            },
            { type: 'image', url: 'https://evil.example/x.png', alt: 'x' },
            { type: 'text', value: ' <script>alert(1)</script>' },
          ],
        },
        { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Title' }] },
        { type: 'code', value: 'x' },
      ],
    };
    expect(render(tree)).toBe(
      '<p><a>click</a> &#x3C;script>alert(1)&#x3C;/script></p>\nTitle\nx\n',
    );
  });
});
