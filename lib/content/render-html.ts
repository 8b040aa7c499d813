/**
 * Markdown trees to HTML, once, when content loads: remark-rehype (with a handler for citations)
 * → rehype-sanitize → rehype-stringify. The page inserts each string as it is, so the text costs
 * one string in the RSC payload instead of hundreds of React elements, and no hydration.
 */
import type { Element } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { CitationNode } from './markdown-citations';
import type { CitationResolver } from './resolve-citations';
import type { ContentHtml } from './types';

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
          { type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: 'source ' }] },
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
