import { DomUtils, parseDocument } from 'htmlparser2';

type Element = ReturnType<typeof DomUtils.findAll>[number];

/**
 * Cut-down copies of the PDP's own server HTML, for Lighthouse to tell what the page costs before any
 * of the app's code runs. Served as static files by nginx beside the app's built scripts, measured in
 * the same run as the floor:
 * - `contentOnly`: every script (and script preload) removed: the content and its inlined CSS alone;
 * - `frameworkScriptsNoPayload`: every script kept (Next's, and the structured data) but the inline RSC
 *   payload. The page paints as the PDP does and Next's scripts load as they do there; it never
 *   hydrates, so none of the app's components run.
 */
export const PROBES = {
  contentOnly: 'PDP HTML, no scripts at all',
  frameworkScriptsNoPayload: 'PDP HTML + its scripts, no RSC payload',
} as const;

export type ProbeName = keyof typeof PROBES;

export function probePages(html: string): Record<ProbeName, string> {
  return {
    contentOnly: without(html, (element) => element.name === 'script' || isScriptPreload(element)),
    frameworkScriptsNoPayload: without(html, isRscPayload),
  };
}

const isScriptPreload = (element: Element) =>
  element.name === 'link' && element.attribs.rel === 'preload' && element.attribs.as === 'script';

/** Next writes the payload as inline `self.__next_f.push([1, "…"])` scripts. */
const isRscPayload = (element: Element) =>
  element.name === 'script' &&
  !element.attribs.src &&
  DomUtils.textContent(element).startsWith('self.__next_f.push([1,');

/** The HTML with the matching elements cut out; every other byte stays as the server sent it. */
function without(html: string, matches: (element: Element) => boolean): string {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const ranges = DomUtils.findAll(matches, document.children)
    .map((element) => [element.startIndex!, element.endIndex! + 1] as const)
    .sort((a, b) => b[0] - a[0]);
  let result = html;
  for (const [start, end] of ranges) result = result.slice(0, start) + result.slice(end);
  return result;
}
