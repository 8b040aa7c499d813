import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Element, ElementContent, Properties, Root } from 'hast';

export interface LinkProblem {
  title: string;
  message: string;
  /** The store's own words for what it refused, one per line. */
  details?: string[];
  /** Where the shopper can go from here. */
  next?: { href: string; label: string };
}

const element = (
  tagName: string,
  properties: Properties,
  children: ElementContent[] = [],
): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * The page a campaign link answers with when it cannot do what it says: a whole document, readable
 * without a stylesheet or a script, as the link is opened straight from an email or a post. Route
 * handlers cannot use React's HTML renderer, so the page is a hast tree serialised by
 * rehype-stringify, which escapes every text and attribute (the store's messages included).
 */
export function linkProblemHtml(storeName: string, problem: LinkProblem): string {
  const next = problem.next ?? { href: '/', label: `Go to ${storeName}` };
  const details = problem.details ?? [];
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang: 'en' }, [
        element('head', {}, [
          element('meta', { charSet: 'utf-8' }),
          element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          element('meta', { name: 'robots', content: 'noindex' }),
          element('title', {}, [text(`${problem.title} | ${storeName}`)]),
        ]),
        element('body', {}, [
          element('main', {}, [
            element('h1', {}, [text(problem.title)]),
            element('p', {}, [text(problem.message)]),
            ...(details.length > 0
              ? [
                  element(
                    'ul',
                    {},
                    details.map((detail) => element('li', {}, [text(detail)])),
                  ),
                ]
              : []),
            element('p', {}, [element('a', { href: next.href }, [text(next.label)])]),
          ]),
        ]),
      ]),
    ],
  };
  return unified().use(rehypeStringify).stringify(tree);
}
