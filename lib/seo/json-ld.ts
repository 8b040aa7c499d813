/**
 * JSON for a <script type="application/ld+json">. JSON.stringify alone would let a "</script>" in
 * content end the script element, so every character that matters to the HTML parser is escaped.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
