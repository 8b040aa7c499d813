import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { checkSvg, sanitizeSvg, toInlineSvg } from '@/lib/content/svg';
import { contentCopy, errorsOf } from './fixture';
import type { Element } from 'domhandler';

const SVG = 'content/images/vitamin-d3-k2.svg';

/** The real illustration with `vector` added on its own line before </svg>; returns the copy's errors. */
function withVector(
  vector: string,
  edit: (text: string) => string = (text) => text.replace('</svg>', `${vector}\n</svg>`),
) {
  const copy = contentCopy();
  copy.edit(SVG, edit);
  const lines = fs.readFileSync(path.join(copy.root, SVG), 'utf8').split('\n');
  /** Line and column of `needle`, as the message must give them. */
  const at = (needle: string) => {
    const index = lines.findIndex((line) => line.includes(needle));
    if (index === -1) throw new Error(`"${needle}" not found`);
    return `${SVG}:${index + 1}:${lines[index]!.indexOf(needle) + 1}`;
  };
  return { errors: errorsOf(copy.root), at };
}

describe('illustrations cannot carry script: content check', () => {
  it('<script>', () => {
    const { errors, at } = withVector('<script>alert(document.domain)</script>');
    expect(errors).toEqual([
      `${at('<script>')}: <script> is not allowed in an illustration: it runs code on the page`,
    ]);
  });

  it('<foreignObject> (and nothing inside it is reported a second time)', () => {
    const { errors, at } = withVector(
      '<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml" onload="alert(1)"/></foreignObject>',
    );
    expect(errors).toEqual([
      `${at('<foreignObject')}: <foreignObject> is not allowed in an illustration: it embeds HTML, which can run code`,
    ]);
  });

  it('<animate/onbegin=…>: the slash the regex check missed', () => {
    const { errors, at } = withVector(
      '<animate/onbegin="alert(document.domain)" attributeName="x" dur="1s"/>',
    );
    expect(errors).toEqual([
      `${at('<animate')}: <animate> is not allowed in an illustration: animation elements can rewrite links and run code (onbegin, onend)`,
    ]);
  });

  it('<set/onbegin=…>', () => {
    const { errors, at } = withVector(
      '<set/onbegin="alert(document.domain)" attributeName="fill" to="red"/>',
    );
    expect(errors).toEqual([
      `${at('<set')}: <set> is not allowed in an illustration: animation elements can rewrite links and run code (onbegin, onend)`,
    ]);
  });

  it('<image href="x"/onerror=…>', () => {
    const { errors, at } = withVector('<image href="x"/onerror="alert(document.domain)"/>');
    expect(errors).toEqual([
      `${at('<image')}: <image> is not allowed in an illustration: it loads another file (and its onerror/onload run code)`,
    ]);
  });

  it('an unquoted href=javascript:… on a link, and on an element that may link', () => {
    const link = withVector(
      '<a href=javascript:alert(document.domain)><text x="10" y="20">Buy</text></a>',
    );
    expect(link.errors).toEqual([
      `${link.at('<a href')}: <a> is not allowed in an illustration: illustrations cannot contain links`,
    ]);
    const use = withVector('<use href=javascript:alert(document.domain) />');
    expect(use.errors).toEqual([
      `${use.at('href=javascript')}: href="javascript:alert(document.domain)" is not allowed in an illustration: it may only link to its own parts (href="#id")`,
    ]);
  });

  it('href="&#106;avascript:…": checked as the browser reads it, shown as written', () => {
    const { errors, at } = withVector('<use href="&#106;avascript:alert(document.domain)"/>');
    expect(errors).toEqual([
      `${at('href="&#106;')}: href="&#106;avascript:alert(document.domain)" (read as href="javascript:alert(document.domain)") is not allowed in an illustration: it may only link to its own parts (href="#id")`,
    ]);
  });

  it('xlink:href="javascript:…"', () => {
    const { errors, at } = withVector('<use xlink:href="javascript:alert(document.domain)"/>');
    expect(errors).toEqual([
      `${at('xlink:href')}: xlink:href="javascript:alert(document.domain)" is not allowed in an illustration: it may only link to its own parts (href="#id")`,
    ]);
  });

  it('an event handler on an allowed element', () => {
    const { errors, at } = withVector(
      '<rect width="10" height="10" onclick="alert(document.domain)"/>',
    );
    expect(errors).toEqual([
      `${at('onclick')}: onclick="alert(document.domain)" is not allowed in an illustration: event handler attributes run code`,
    ]);
  });

  it('style="background:url(https://…)"', () => {
    const { errors, at } = withVector(
      '<rect width="10" height="10" style="background:url(https://evil.example/track.png)"/>',
    );
    expect(errors).toEqual([
      `${at('style=')}: style="background:url(https://evil.example/track.png)" loads another file: only url(#id) of something in this illustration is allowed`,
    ]);
  });

  it('the CSS ways around a url( pattern: escapes, image-set(), a presentation attribute, a property that is not presentation', () => {
    const escaped = withVector(
      '<rect width="10" height="10" style="fill:\\75 rl(https://evil.example/x)"/>',
    );
    expect(escaped.errors).toEqual([
      `${escaped.at('style=')}: style="fill:\\75 rl(https://evil.example/x)" contains a CSS escape (\\), which can hide what it loads`,
    ]);
    const imageSet = withVector(
      `<rect width="10" height="10" style="mask:image-set('https://evil.example/x.png' 1x)"/>`,
    );
    expect(imageSet.errors).toEqual([
      `${imageSet.at('style=')}: style="mask:image-set('https://evil.example/x.png' 1x)" uses image-set(), which illustrations may not use`,
    ]);
    const fill = withVector(
      '<rect width="10" height="10" fill="url(https://evil.example/paint.svg#p)"/>',
    );
    expect(fill.errors).toEqual([
      `${fill.at('fill="url(https')}: fill="url(https://evil.example/paint.svg#p)" loads another file: only url(#id) of something in this illustration is allowed`,
    ]);
    const position = withVector('<rect width="10" height="10" style="fill:red;position:fixed"/>');
    expect(position.errors).toEqual([
      `${position.at('style=')}: style property "position" is not allowed in an illustration`,
    ]);
  });

  it('<!ENTITY in a DOCTYPE, and the entity it declares', () => {
    const { errors, at } = withVector('', (text) =>
      text
        .replace('<svg ', '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<svg ')
        .replace('>NORTHFIELD<', '>&xxe;<'),
    );
    expect(errors).toEqual([
      `${at('<!DOCTYPE')}: <!DOCTYPE …> is not allowed in an illustration: it can declare entities that read other files or grow without limit`,
      `${at('&xxe;')}: &xxe; is not an XML entity`,
    ]);
  });

  it('<!ENTITY on its own, <?xml-stylesheet?>, <style>', () => {
    const entity = withVector('<!ENTITY lol "lol">');
    expect(entity.errors).toEqual([
      `${entity.at('<!ENTITY')}: <!ENTITY …> is not allowed in an illustration: entities can read other files or grow without limit`,
    ]);
    const stylesheet = withVector('', (text) =>
      text.replace('<svg ', '<?xml-stylesheet href="https://evil.example/x.css"?>\n<svg '),
    );
    expect(stylesheet.errors).toEqual([
      `${stylesheet.at('<?xml-stylesheet')}: <?xml-stylesheet …?> is not allowed in an illustration: it loads a stylesheet from another file`,
    ]);
    const style = withVector('<style>body{display:none}</style>');
    expect(style.errors).toEqual([
      `${style.at('<style>')}: <style> is not allowed in an illustration: a stylesheet in an inlined illustration styles the whole page`,
    ]);
  });

  it('anything not on the allowlist, and references to ids the file does not have', () => {
    const { errors, at } = withVector(
      '<marquee>x</marquee>\n<circle r="5" data-x="1" fill="url(#missing)"/>',
    );
    expect(errors).toEqual([
      `${at('<marquee>')}: <marquee> is not an element illustrations may use`,
      `${at('data-x')}: Attribute "data-x" is not allowed in an illustration`,
      `${at('fill="url(#missing)"')}: fill refers to #missing, which is not in this illustration`,
    ]);
  });

  it('every file in content/images is checked, not only the ones a product uses (all are served at /images/…)', () => {
    const copy = contentCopy();
    copy.write(
      'content/images/unused.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <script>alert(1)</script>\n</svg>\n',
    );
    expect(errorsOf(copy.root)).toEqual([
      'content/images/unused.svg:2:3: <script> is not allowed in an illustration: it runs code on the page',
    ]);
  });

  it('a missing viewBox is reported at the <svg> element', () => {
    const copy = contentCopy();
    copy.edit(SVG, (text) => text.replace(' viewBox="0 0 600 600"', ''));
    expect(errorsOf(copy.root)).toEqual([
      `${SVG}:1:1: The SVG needs a viewBox="0 0 width height" so the page can reserve its space`,
    ]);
  });

  it('every problem comes with a hint', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script/><rect onclick="x" style="fill:\\75"/></svg>';
    const { problems } = checkSvg(svg);
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem.hint.length).toBeGreaterThan(10);
  });
});

/** Every vector above, for the sanitiser on its own (as if the check had been skipped). */
const VECTORS = [
  '<script>alert(document.domain)</script>',
  '<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml" onload="alert(1)"><script>alert(2)</script></body></foreignObject>',
  '<animate/onbegin="alert(document.domain)" attributeName="x" dur="1s"/>',
  '<set/onbegin="alert(document.domain)" attributeName="fill" to="red"/>',
  '<image href="x"/onerror="alert(document.domain)"/>',
  '<a href=javascript:alert(document.domain)><text x="10" y="20">Buy</text></a>',
  '<use href=javascript:alert(document.domain) />',
  '<use href="&#106;avascript:alert(document.domain)"/>',
  '<use xlink:href="javascript:alert(document.domain)"/>',
  '<rect width="10" height="10" onclick="alert(document.domain)" ONMOUSEOVER="alert(1)"/>',
  '<rect width="10" height="10" style="background:url(https://evil.example/track.png)"/>',
  '<rect width="10" height="10" style="fill:\\75 rl(https://evil.example/x)"/>',
  `<rect width="10" height="10" style="mask:image-set('https://evil.example/x.png' 1x)"/>`,
  '<rect width="10" height="10" fill="url(https://evil.example/paint.svg#p)"/>',
  '<rect width="10" height="10" style="fill:red;position:fixed;inset:0"/>',
  '<style>body{display:none}</style>',
  '<SCRIPT>alert(1)</SCRIPT><svg:script>alert(1)</svg:script>',
];

const SAFE_ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'title',
  'desc',
  'lineargradient',
  'stop',
  'rect',
  'circle',
  'ellipse',
  'path',
  'line',
  'text',
  'use',
]);

/** Parses the markup the way a browser parses an inline SVG in a page (HTML, not XML) and lists what could run or load. */
function dangerIn(markup: string, idPrefix: string | null): string[] {
  const found: string[] = [];
  const document = parseDocument(markup, { xmlMode: false });
  for (const element of DomUtils.findAll(() => true, document.children) as Element[]) {
    if (!SAFE_ELEMENTS.has(element.name.toLowerCase())) found.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) found.push(`${name}=`);
      if (/href$/i.test(name) && !value.startsWith(idPrefix ? `#${idPrefix}_` : '#'))
        found.push(`${name}="${value}"`);
      if (/url\((?!#)/i.test(value) || /image-set|\\/i.test(value))
        found.push(`${name}="${value}"`);
      if (/position/i.test(value)) found.push(`${name}="${value}"`);
    }
  }
  return found;
}

describe('illustrations cannot carry script: what is inlined is sanitised even without the check', () => {
  const real = fs.readFileSync(SVG, 'utf8');

  for (const vector of VECTORS) {
    it(`inline and standalone: ${vector.slice(0, 60)}`, () => {
      const svg = real.replace('</svg>', `${vector}\n</svg>`);
      expect(dangerIn(toInlineSvg(svg, 'bottle'), 'bottle')).toEqual([]);
      expect(dangerIn(sanitizeSvg(svg), null)).toEqual([]);
      // What a script would have said is gone too, not left behind as text.
      expect(toInlineSvg(svg, 'bottle')).not.toMatch(/alert\(/);
    });
  }

  it('markup written as text stays text', () => {
    const svg = real.replace(
      '</svg>',
      '<text>&lt;script&gt;alert(1)&lt;/script&gt;</text>\n</svg>',
    );
    expect(toInlineSvg(svg, 'bottle')).toContain(
      '<text>&lt;script&gt;alert(1)&lt;/script&gt;</text>',
    );
    expect(dangerIn(toInlineSvg(svg, 'bottle'), 'bottle')).toEqual([]);
  });

  it('a page-level stylesheet or DOCTYPE cannot ride along', () => {
    const svg = `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${real}`;
    expect(toInlineSvg(svg, 'bottle')).not.toMatch(/<!DOCTYPE|<!ENTITY|xxe/i);
  });
});

describe('the real illustrations', () => {
  const files = fs.readdirSync('content/images').filter((name) => name.endsWith('.svg'));

  it('are three, and pass the check', () => {
    expect(files).toEqual(['vitamin-d3-k2-120.svg', 'vitamin-d3-k2.svg', 'vitamin-d3.svg']);
    for (const file of files)
      expect(checkSvg(fs.readFileSync(`content/images/${file}`, 'utf8')).problems).toEqual([]);
  });

  /** Elements in order with their attributes and own text: what the browser draws from. */
  const drawing = (markup: string) =>
    (
      DomUtils.findAll(() => true, parseDocument(markup, { xmlMode: true }).children) as Element[]
    ).map((element) => ({
      name: element.name,
      attributes: element.attribs,
      text: element.children
        .filter((child) => child.type === 'text')
        .map((child) => DomUtils.textContent(child).trim())
        .join(''),
    }));

  for (const file of ['vitamin-d3-k2-120.svg', 'vitamin-d3-k2.svg', 'vitamin-d3.svg']) {
    it(`${file} is inlined with the same drawing: ids prefixed, title and ARIA replaced by aria-hidden`, () => {
      const source = fs.readFileSync(`content/images/${file}`, 'utf8');
      const prefix = file.replace(/\.svg$/, '');
      const expected = drawing(source)
        .filter((element) => element.name !== 'title')
        .map((element) => {
          const attributes: Record<string, string> =
            element.name === 'svg' ? { 'aria-hidden': 'true', focusable: 'false' } : {};
          for (const [name, value] of Object.entries(element.attributes)) {
            if (['role', 'aria-labelledby'].includes(name)) continue;
            attributes[name] =
              name === 'id'
                ? `${prefix}_${value}`
                : value.replace(/url\(#([^)]+)\)/g, `url(#${prefix}_$1)`);
          }
          return { ...element, attributes };
        });
      const inline = toInlineSvg(source, prefix);
      expect(drawing(inline)).toEqual(expected);
      // Every reference points at an id of the same illustration.
      const ids = new Set([...inline.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]));
      const references = [...inline.matchAll(/url\(#([^)]+)\)/g)].map((match) => match[1]);
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(ids).toContain(reference);
    });
  }

  it('served on their own (/images/…), they keep their title and role', () => {
    const source = fs.readFileSync(SVG, 'utf8');
    const standalone = sanitizeSvg(source);
    expect(standalone).toContain(
      '<title id="t">Amber bottle of Vitamin D3 + K2, 60 softgels</title>',
    );
    expect(standalone).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 600 600" role="img" aria-labelledby="t">/,
    );
    expect(drawing(standalone)).toEqual(drawing(source));
  });

  it('two illustrations on one page never share an id', () => {
    const a = toInlineSvg(
      fs.readFileSync('content/images/vitamin-d3-k2.svg', 'utf8'),
      'vitamin-d3-k2',
    );
    const b = toInlineSvg(fs.readFileSync('content/images/vitamin-d3.svg', 'utf8'), 'vitamin-d3');
    const ids = (markup: string) =>
      [...markup.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
  });
});
