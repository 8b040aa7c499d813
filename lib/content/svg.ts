/**
 * Product illustrations are inlined into the page (they paint with the first frame and need no
 * request), so an SVG from content/ must not be able to run code, load anything, or reach outside
 * its own box. Two layers, one allowlist:
 *
 * 1. `checkSvg` parses the file with htmlparser2 (XML mode) and reports every element, attribute,
 *    value and declaration outside the allowlist at its line and column. `npm run content:check`
 *    and the build stop on them.
 * 2. `sanitizeSvg` runs sanitize-html with the same allowlist over what is inlined (and served at
 *    /images/…), so even markup that somehow skipped the check carries nothing executable.
 *
 * An allowlist, not a list of bad patterns: the browser reads markup in more ways than any pattern
 * list foresees (`<animate/onbegin=…>`, unquoted or entity-encoded `javascript:`, SMIL `<set>`…).
 */
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** Shapes, text, grouping, paint servers, clipping, masking and the filter primitives that load nothing. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'title',
  'desc',
  'symbol',
  'use',
  'marker',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'clipPath',
  'mask',
  'filter',
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feComposite',
  'feDropShadow',
  'feFlood',
  'feFuncA',
  'feFuncB',
  'feFuncG',
  'feFuncR',
  'feGaussianBlur',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
]);

/** Elements whose text is shown (or, for title and desc, read out). */
const TEXT_ELEMENTS = new Set(['text', 'tspan', 'textPath', 'title', 'desc']);

/** Why the elements people most often meet are refused; any other element gets the general message. */
const REFUSED_ELEMENTS: Record<string, string> = {
  script: 'it runs code on the page',
  foreignObject: 'it embeds HTML, which can run code',
  animate: 'animation elements can rewrite links and run code (onbegin, onend)',
  animateMotion: 'animation elements can rewrite links and run code (onbegin, onend)',
  animateTransform: 'animation elements can rewrite links and run code (onbegin, onend)',
  animateColor: 'animation elements can rewrite links and run code (onbegin, onend)',
  set: 'animation elements can rewrite links and run code (onbegin, onend)',
  discard: 'animation elements can rewrite links and run code (onbegin, onend)',
  mpath: 'animation elements can rewrite links and run code (onbegin, onend)',
  image: 'it loads another file (and its onerror/onload run code)',
  feImage: 'it loads another file',
  a: 'illustrations cannot contain links',
  style: 'a stylesheet in an inlined illustration styles the whole page',
  iframe: 'it embeds another page',
  embed: 'it embeds another document',
  object: 'it embeds another document',
  audio: 'it plays media from another file',
  video: 'it plays media from another file',
  metadata: 'editor metadata has no place on the page',
  switch: 'it picks content by browser features, which the check cannot follow',
};

/**
 * SVG presentation attributes; also the only properties a `style` attribute may set. `cursor` is
 * left out on purpose: it takes url() of an image.
 */
const PRESENTATION = new Set([
  'alignment-baseline',
  'baseline-shift',
  'clip',
  'clip-path',
  'clip-rule',
  'color',
  'color-interpolation',
  'color-interpolation-filters',
  'color-rendering',
  'direction',
  'display',
  'dominant-baseline',
  'fill',
  'fill-opacity',
  'fill-rule',
  'filter',
  'flood-color',
  'flood-opacity',
  'font-family',
  'font-size',
  'font-size-adjust',
  'font-stretch',
  'font-style',
  'font-variant',
  'font-weight',
  'image-rendering',
  'letter-spacing',
  'lighting-color',
  'marker-end',
  'marker-mid',
  'marker-start',
  'mask',
  'opacity',
  'overflow',
  'paint-order',
  'pointer-events',
  'shape-rendering',
  'stop-color',
  'stop-opacity',
  'stroke',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'text-decoration',
  'text-rendering',
  'transform',
  'transform-origin',
  'unicode-bidi',
  'vector-effect',
  'visibility',
  'word-spacing',
  'writing-mode',
]);

/** Geometry and structure: numbers, lengths, keywords and names; none of them can point anywhere. */
const GEOMETRY = new Set([
  'viewBox',
  'preserveAspectRatio',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'fr',
  'd',
  'points',
  'pathLength',
  'offset',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'clipPathUnits',
  'maskUnits',
  'maskContentUnits',
  'filterUnits',
  'primitiveUnits',
  'dx',
  'dy',
  'rotate',
  'textLength',
  'lengthAdjust',
  'startOffset',
  'method',
  'spacing',
  'side',
  'in',
  'in2',
  'result',
  'stdDeviation',
  'mode',
  'operator',
  'k1',
  'k2',
  'k3',
  'k4',
  'values',
  'type',
  'tableValues',
  'slope',
  'intercept',
  'amplitude',
  'exponent',
  'radius',
  'markerWidth',
  'markerHeight',
  'markerUnits',
  'refX',
  'refY',
  'orient',
  'version',
  'xml:space',
  'lang',
  'xml:lang',
]);

/** How an illustration describes itself when it is opened on its own; the inlined copy drops them. */
const DESCRIPTION = new Set([
  'role',
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'aria-hidden',
  'focusable',
]);

/** Links inside the illustration only: `#id`, which `toInlineSvg` prefixes. */
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href']);

const ID = /^[A-Za-z_][\w.-]*$/;
const FRAGMENT = /^#([A-Za-z_][\w.-]*)$/;

/**
 * A CSS value (presentation attribute, or a whole `style`) that can reach nothing outside the
 * illustration: no backslash (a CSS escape can spell `url(` so no pattern sees it), and no function
 * other than colours, transforms and `url(#id)`. So no `url(https:…)`, `image-set("…")`, `src()`,
 * `expression()`, `@import`.
 */
const SAFE_CSS_VALUE =
  /^(?:[^\\()]|\b(?:rgba?|hsla?|matrix|translate|translateX|translateY|scale|scaleX|scaleY|rotate|skewX|skewY)\([^\\()]*\)|\burl\(\s*(['"]?)#[A-Za-z_][\w.-]*\1\s*\))*$/i;
const CSS_FUNCTIONS = new Set([
  'url',
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'matrix',
  'translate',
  'translatex',
  'translatey',
  'scale',
  'scalex',
  'scaley',
  'rotate',
  'skewx',
  'skewy',
]);
const URL_REFERENCE = /\burl\(\s*(['"]?)#([A-Za-z_][\w.-]*)\1\s*\)/gi;

/** The five entities XML defines; any other name means something else (or nothing) to each reader. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const NAMED_ENTITY = /&([A-Za-z][\w.-]*);/g;

const REEXPORT_HINT =
  'Export the illustration again as a plain SVG (shapes, gradients and text only).';

export interface SvgProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface SvgCheck {
  problems: SvgProblem[];
  /** Width and height from `viewBox="0 0 w h"`, when the root has one. */
  size: { width: number; height: number } | null;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Every problem in an SVG file, each at the line and column where it starts. */
export function checkSvg(svg: string): SvgCheck {
  const lineStarts = [0];
  for (let index = svg.indexOf('\n'); index !== -1; index = svg.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  const at = (offset: number) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > offset) line--;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };

  const problems: SvgProblem[] = [];
  const report = (offset: number, message: string, hint = REEXPORT_HINT) =>
    problems.push({ ...at(offset), message, hint });

  const ids = new Set<string>();
  const references: Array<{ id: string; offset: number; attribute: string }> = [];
  let size: SvgCheck['size'] = null;
  let rootSeen = false;
  let rootChecked = false;
  /** Depth inside a refused element: what is inside it goes with it, one message is enough. */
  let refusedDepth = 0;
  let tagStart = 0;

  const checkEntities = (raw: string, offset: number) => {
    for (const match of raw.matchAll(NAMED_ENTITY)) {
      if (!XML_ENTITIES.has(match[1]!)) {
        report(
          offset + match.index,
          `&${match[1]}; is not an XML entity`,
          'Type the character itself, or write it as a number, e.g. &#160; for a no-break space.',
        );
      }
    }
  };

  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        tagStart = parser.startIndex;
        if (refusedDepth > 0) {
          refusedDepth++;
          return;
        }
        if (!rootSeen) {
          rootSeen = true;
          if (name !== 'svg')
            report(tagStart, `The file must be an SVG: its first element is <${name}>, not <svg>`);
        }
        if (!ELEMENTS.has(name)) {
          const why = REFUSED_ELEMENTS[name];
          report(
            tagStart,
            why
              ? `<${name}> is not allowed in an illustration: ${why}`
              : `<${name}> is not an element illustrations may use`,
          );
          refusedDepth = 1;
        }
      },
      onattribute(name, value) {
        if (refusedDepth > 0) return;
        const offset = parser.startIndex;
        // endIndex is just past the attribute (its closing quote, or the end of an unquoted value).
        const raw = svg.slice(offset, parser.endIndex);
        checkEntities(raw, offset);
        const problem = attributeProblem(name, value, raw);
        if (problem) {
          report(offset, problem.message, problem.hint);
          return;
        }
        if (name === 'id') ids.add(value);
        const fragment = LINK_ATTRIBUTES.has(name) ? FRAGMENT.exec(value) : null;
        if (fragment) references.push({ id: fragment[1]!, offset, attribute: name });
        if (PRESENTATION.has(name) || name === 'style') {
          for (const match of value.matchAll(URL_REFERENCE))
            references.push({ id: match[2]!, offset, attribute: name });
        }
      },
      onopentag(name, attributes) {
        if (rootChecked) return;
        rootChecked = true;
        if (name !== 'svg') return;
        const viewBox = /^\s*0[\s,]+0[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)\s*$/.exec(
          attributes.viewBox ?? '',
        );
        if (viewBox) size = { width: Number(viewBox[1]), height: Number(viewBox[2]) };
        else
          report(
            tagStart,
            'The SVG needs a viewBox="0 0 width height" so the page can reserve its space',
            'Add it to the <svg> element, e.g. viewBox="0 0 600 600".',
          );
      },
      onclosetag() {
        if (refusedDepth > 0) refusedDepth--;
      },
      ontext() {
        if (refusedDepth > 0) return;
        checkEntities(svg.slice(parser.startIndex, parser.endIndex + 1), parser.startIndex);
      },
      onprocessinginstruction(name) {
        const offset = parser.startIndex;
        const lower = name.toLowerCase();
        if (lower === '?xml') return;
        if (lower === '!doctype') {
          report(
            offset,
            '<!DOCTYPE …> is not allowed in an illustration: it can declare entities that read other files or grow without limit',
          );
        } else if (lower === '!entity') {
          report(
            offset,
            '<!ENTITY …> is not allowed in an illustration: entities can read other files or grow without limit',
          );
        } else if (lower === '?xml-stylesheet') {
          report(
            offset,
            '<?xml-stylesheet …?> is not allowed in an illustration: it loads a stylesheet from another file',
          );
        } else {
          report(offset, `<${name} …> is not allowed in an illustration`);
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(svg);

  if (!rootSeen) report(0, 'The file has no <svg> element');
  for (const reference of references) {
    if (!ids.has(reference.id)) {
      report(
        reference.offset,
        `${reference.attribute} refers to #${reference.id}, which is not in this illustration`,
        'Each illustration can only use its own gradients, clip paths and shapes: add the element with that id, or fix the name.',
      );
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, size };
}

/** What is wrong with one attribute (its value already decoded by the parser), or null. */
function attributeProblem(
  name: string,
  value: string,
  raw: string,
): { message: string; hint: string } | null {
  const shown = `${name}="${shorten(value)}"`;
  // Show what the browser reads when the file spells it differently (&#106;avascript: is javascript:).
  const readAs = raw.includes('&') ? `${shorten(raw)} (read as ${shown})` : shown;
  if (/^on/i.test(name)) {
    return {
      message: `${readAs} is not allowed in an illustration: event handler attributes run code`,
      hint: 'Remove the attribute; an illustration cannot react to clicks or loading.',
    };
  }
  if (LINK_ATTRIBUTES.has(name)) {
    return FRAGMENT.test(value)
      ? null
      : {
          message: `${readAs} is not allowed in an illustration: it may only link to its own parts (href="#id")`,
          hint: 'Remove the link, or point it at an element of this file by its id.',
        };
  }
  if (name === 'xmlns') {
    return value === SVG_NAMESPACE
      ? null
      : { message: `${shown} is not the SVG namespace`, hint: `Use xmlns="${SVG_NAMESPACE}".` };
  }
  if (name === 'xmlns:xlink') {
    return value === XLINK_NAMESPACE
      ? null
      : {
          message: `${shown} is not the XLink namespace`,
          hint: `Use xmlns:xlink="${XLINK_NAMESPACE}", or remove it.`,
        };
  }
  if (name === 'id') {
    return ID.test(value)
      ? null
      : {
          message: `id="${shorten(value)}" must start with a letter and use only letters, digits, -, _ and .`,
          hint: 'Rename the id (and every url(#…) or href="#…" that uses it).',
        };
  }
  if (name === 'style') {
    const unsafe = cssProblem(value);
    if (unsafe) return { message: `${readAs} ${unsafe}`, hint: cssHint };
    // The value is safe as a whole already; this only names properties that are not presentation
    // ones. A ; inside a quoted font name would split a declaration in two: a false alarm, never a miss.
    for (const declaration of value.split(';')) {
      const property = declaration.split(':')[0]!.trim().toLowerCase();
      if (property && !PRESENTATION.has(property)) {
        return {
          message: `style property "${shorten(property)}" is not allowed in an illustration`,
          hint: 'Use presentation properties only (fill, stroke, opacity, font-…), or the attributes of the same name.',
        };
      }
    }
    return null;
  }
  if (PRESENTATION.has(name)) {
    const unsafe = cssProblem(value);
    return unsafe ? { message: `${readAs} ${unsafe}`, hint: cssHint } : null;
  }
  if (GEOMETRY.has(name) || DESCRIPTION.has(name)) return null;
  return { message: `Attribute "${name}" is not allowed in an illustration`, hint: REEXPORT_HINT };
}

/** Why a CSS value fails SAFE_CSS_VALUE, in words; null when it passes. */
function cssProblem(value: string): string | null {
  if (SAFE_CSS_VALUE.test(value)) return null;
  if (value.includes('\\')) return 'contains a CSS escape (\\), which can hide what it loads';
  if (/\burl\((?!\s*['"]?#)/i.test(value))
    return 'loads another file: only url(#id) of something in this illustration is allowed';
  const call = [...value.matchAll(/(-?[A-Za-z_][\w-]*)\(/g)].find(
    (match) => !CSS_FUNCTIONS.has(match[1]!.toLowerCase()),
  );
  return call
    ? `uses ${call[1]}(), which illustrations may not use`
    : 'is not a CSS value illustrations may use';
}

const cssHint =
  'Colours, lengths and url(#id) of a gradient or clip path in this file are fine; url() of another file, image-set(), CSS escapes (\\) and other functions are not.';

export interface SanitizeOptions {
  /** Inlined into a page: decorative (the page gives the name), ids prefixed so two illustrations never collide. */
  inline?: { idPrefix: string };
}

/**
 * The SVG through sanitize-html with the allowlist above: anything else is dropped, whatever the
 * check said. With `inline`, ids and references to them are prefixed, and the title and ARIA
 * attributes give way to aria-hidden (the wrapper carries the alt text).
 */
export function sanitizeSvg(svg: string, { inline }: SanitizeOptions = {}): string {
  const prefix = (id: string) => (inline ? `${inline.idPrefix}_${id}` : id);
  const attributes = [
    ...PRESENTATION,
    ...GEOMETRY,
    ...LINK_ATTRIBUTES,
    'id',
    'style',
    'xmlns',
    'xmlns:xlink',
    ...DESCRIPTION,
  ];
  return sanitizeHtml(svg, {
    // XML mode keeps the case of linearGradient, viewBox… (HTML mode would lowercase them).
    parser: { xmlMode: true, decodeEntities: true },
    allowedTags: [...ELEMENTS].filter((name) => !(inline && (name === 'title' || name === 'desc'))),
    allowedAttributes: {
      '*': inline
        ? attributes.filter(
            (name) => !DESCRIPTION.has(name) || name === 'aria-hidden' || name === 'focusable',
          )
        : attributes,
    },
    allowedStyles: {
      '*': Object.fromEntries([...PRESENTATION].map((property) => [property, [SAFE_CSS_VALUE]])),
    },
    allowedSchemes: [],
    allowedSchemesAppliedToAttributes: [...LINK_ATTRIBUTES],
    allowProtocolRelative: false,
    // Refused elements go with their content: a script's code or a title's text must not become text.
    nonTextTags: [
      ...Object.keys(REFUSED_ELEMENTS),
      'textarea',
      'option',
      'xmp',
      'noscript',
      'title',
      'desc',
    ],
    disallowedTagsMode: 'discard',
    // And text only where SVG shows text (plus the line breaks between elements), so the content of
    // an element the list above does not name (<SCRIPT>, <svg:script>…) is dropped as well.
    textFilter: (text, tagName) => (TEXT_ELEMENTS.has(tagName) || text.trim() === '' ? text : ''),
    // An empty value would be written as a bare attribute name, which is not XML.
    nonBooleanAttributes: ['*'],
    // Every element keeps its closing tag: the same tree in XML (standalone file) and HTML (inlined).
    selfClosing: [],
    transformTags: {
      '*': (tagName, attribs) => {
        const kept: Record<string, string> = {};
        if (inline && tagName === 'svg')
          Object.assign(kept, { 'aria-hidden': 'true', focusable: 'false' });
        for (const [name, value] of Object.entries(attribs)) {
          if (inline && DESCRIPTION.has(name)) continue;
          if (name === 'id') {
            if (ID.test(value)) kept.id = prefix(value);
          } else if (LINK_ATTRIBUTES.has(name)) {
            const fragment = FRAGMENT.exec(value);
            if (fragment) kept[name] = `#${prefix(fragment[1]!)}`;
          } else if (PRESENTATION.has(name) || name === 'style') {
            if (SAFE_CSS_VALUE.test(value))
              kept[name] = value.replace(
                URL_REFERENCE,
                (_match, _quote, id: string) => `url(#${prefix(id)})`,
              );
          } else if (name === 'xmlns') {
            if (value === SVG_NAMESPACE) kept[name] = value;
          } else if (name === 'xmlns:xlink') {
            if (value === XLINK_NAMESPACE) kept[name] = value;
          } else {
            kept[name] = value;
          }
        }
        return { tagName, attribs: kept };
      },
    },
  }).trim();
}

/** The SVG as decorative inline markup: its accessible name comes from the content's alt text. */
export function toInlineSvg(svg: string, idPrefix: string): string {
  return sanitizeSvg(svg, { inline: { idPrefix } });
}
