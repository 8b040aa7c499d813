/**
 * Product illustrations are inlined into the page (they paint with the first frame and need no
 * request), so an SVG from content/ must not be able to run code, and its ids must not collide.
 */
const UNSAFE = [
  { pattern: /<script\b/i, what: 'a <script> element' },
  { pattern: /<foreignObject\b/i, what: 'a <foreignObject> element' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an event handler attribute (on…=)' },
  { pattern: /(?:href|src)\s*=\s*["']\s*(?:javascript|data|https?):/i, what: 'a link to another document' },
  { pattern: /<!ENTITY\b/i, what: 'an entity declaration' },
];

export function findUnsafeSvg(svg: string): { line: number; what: string } | null {
  for (const { pattern, what } of UNSAFE) {
    const match = pattern.exec(svg);
    if (match) return { line: svg.slice(0, match.index).split('\n').length, what };
  }
  return null;
}

/** The SVG as decorative inline markup: its accessible name comes from the content's alt text. */
export function toInlineSvg(svg: string, idPrefix: string): string {
  return svg
    .replace(/<\?xml[^>]*>\s*/g, '')
    .replace(/<title\b[^>]*>[\s\S]*?<\/title>\s*/g, '')
    .replace(/\s(?:role|aria-labelledby|aria-label)="[^"]*"/g, '')
    .replace(/<svg\b/, '<svg aria-hidden="true" focusable="false"')
    .replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${idPrefix}-$1"`)
    .trim();
}
