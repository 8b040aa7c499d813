/**
 * Markdown trees to HTML, once, when content loads: remark-rehype (with a handler for citations)
 * → rehype-sanitize → rehype-stringify. The page inserts each string as it is, so the text costs
 * one string in the RSC payload instead of hundreds of React elements, and no hydration.
 */
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { CitationNode } from './markdown-citations';
import type { CitationResolver } from './resolve-citations';
import type { ContentHtml, WorkCited } from './types';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';

/**
 * Exactly what the Markdown rules in markdown.ts let through, plus the citation markers below.
 * Ids are only ever the footnote markers' `ref-<key>-<n>`, which the works-cited list links back to;
 * links are web addresses or links within the site (no protocol).
 */
export const CONTENT_HTML_SCHEMA: SanitizeSchema = {
  tagNames: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'sup', 'span'],
  attributes: {
    a: ['href', ['id', /^ref-[a-z0-9][a-z0-9-]*-\d+$/]],
    ol: [['start', /^\d+$/]],
  },
  protocols: { href: ['http', 'https'] },
  // The ids are made here, from validated citation keys, and other parts of the page link to them
  // by name: they must not get the default "user-content-" prefix.
  clobber: [],
  strip: ['script', 'style'],
};

/** A footnote marker: `[1]` linking to the works cited entry; its id is where that entry links back. */
function citationMarker(key: string, number: number, refId: string): Element {
  return {
    type: 'element',
    tagName: 'sup',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { id: refId, href: `#cite-${key}` },
        children: [
          { type: 'text', value: '[' },
          // Read as "source 1" by screen readers; styled as visually hidden by RichText.
          {
            type: 'element',
            tagName: 'span',
            properties: {},
            children: [{ type: 'text', value: 'source ' }],
          },
          { type: 'text', value: `${number}]` },
        ],
      },
    ],
  };
}

/**
 * Renders the text of one page. Call it in page order: citations are numbered, and their markers
 * given ids, as the converter meets them.
 */
export function pageRenderer(resolver: CitationResolver): (tree: Root) => ContentHtml {
  const processor = unified()
    .use(remarkRehype, {
      handlers: {
        citation(_state, node: CitationNode) {
          const cited = resolver.cite(node);
          return cited ? citationMarker(node.value, cited.number, cited.refId) : undefined;
        },
      },
    })
    .use(rehypeSanitize, CONTENT_HTML_SCHEMA)
    .use(rehypeStringify)
    .freeze();
  return (tree) => processor.stringify(processor.runSync(tree)) as ContentHtml;
}

const accessedFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** Letters for the links back to each place a work is cited: a, b, c… as in printed footnotes. */
function backLabel(index: number): string {
  return (
    String.fromCharCode(97 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '')
  );
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[],
): Element => ({ type: 'element', tagName, properties, children });

/** One entry: the linked title, source, date accessed, and an arrow back to each place it is cited. */
function workCitedItem(work: WorkCited): Element {
  const children: ElementContent[] = [
    element('a', { href: work.url, rel: ['noopener', 'noreferrer'] }, [text(work.title)]),
    text(`. ${work.source}. Accessed `),
    element('time', { dateTime: work.accessed }, [
      text(accessedFormat.format(new Date(work.accessed))),
    ]),
    text('.'),
  ];
  if (work.citedAt.length > 0) {
    const several = work.citedAt.length > 1;
    children.push(
      element(
        'span',
        {},
        work.citedAt.map((refId, index) =>
          element('a', { href: `#${refId}` }, [
            // Arrow and letter as two text nodes, kept apart by the comment: one node would shape
            // the pair as one run and move the letter by a fraction of a pixel.
            element(
              'span',
              { ariaHidden: 'true' },
              several
                ? [text('↑'), { type: 'comment', value: ' ' }, text(backLabel(index))]
                : [text('↑')],
            ),
            element('span', { className: ['sr-only'] }, [
              text(
                `Back to where source ${work.number} is cited${several ? ` (${index + 1} of ${work.citedAt.length})` : ''}`,
              ),
            ]),
          ]),
        ),
      ),
    );
  }
  return element('li', { id: `cite-${work.key}` }, children);
}

const stringifier = unified().use(rehypeStringify).freeze();
const worksCitedCache = new WeakMap<readonly WorkCited[], ContentHtml>();

/**
 * The works-cited list items as one HTML string, made once per product (the list is cached with the
 * content): a long list of links then costs one string in the RSC payload and nothing to hydrate,
 * where React elements would each be sent twice (HTML and payload) and hydrated. They carry no
 * classes: `.works-cited` in app/globals.css styles them from the list. Every value is
 * escaped by the stringifier; the data was validated when citations.yaml was loaded (web addresses,
 * ISO dates, citation keys).
 */
export function worksCitedHtml(works: readonly WorkCited[]): ContentHtml {
  let html = worksCitedCache.get(works);
  if (html === undefined) {
    const root: HastRoot = { type: 'root', children: works.map(workCitedItem) };
    html = stringifier.stringify(root) as ContentHtml;
    worksCitedCache.set(works, html);
  }
  return html;
}
