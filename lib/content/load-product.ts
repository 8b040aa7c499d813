import { loadAuthorship } from './authorship';
import { loadSafetyNote } from './load-safety-note';
import { loadSection } from './load-section';
import { loadSubscriptions } from './load-subscriptions';
import { listOf, parseMarkdown, type ParsedMarkdown } from './markdown';
import { readYaml } from './read-yaml';
import { pageRenderer } from './render-html';
import { CitationResolver } from './resolve-citations';
import { SECTION_IDS, productSchema, type ProductFile } from './schemas';
import { toInlineSvg } from './svg';
import { describePath, type YamlFile } from './yaml-file';
import type { ComplianceChecker } from './compliance';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';
import type { CitationLibrary } from './load-citations';
import type { ImageLibrary } from './load-images';
import type { LocatedText } from './located-text';
import type { Citation, Product, ProductImage, ProductVariant, Section, SectionId } from './types';

interface SharedContent {
  citations: CitationLibrary;
  disclaimer: { title: string; text: ParsedMarkdown } | null;
  compliance: ComplianceChecker | null;
  images: ImageLibrary;
}

export function loadProduct(
  files: ContentFiles,
  issues: IssueCollector,
  directory: string,
  shared: SharedContent,
): Product | null {
  const parts = ['products', directory, 'product.yaml'];
  const file = files.relative(...parts);
  const { yaml, data } = readYaml(files, issues, parts, productSchema);
  if (!yaml) return null;
  if (!data) {
    checkSectionsOfBrokenProduct(files, issues, directory, yaml.toJS(), shared);
    return null;
  }
  if (data.handle !== directory) {
    const position = yaml.positionOf(['handle']);
    issues.error(
      file,
      position.line,
      position.column,
      `handle "${data.handle}" does not match its folder "products/${directory}"`,
      'The folder name is the page address; make them the same.',
    );
  }

  checkVariants(data, yaml, file, issues);

  const located = (path: PropertyKey[], value: string): LocatedText =>
    yaml.locatedText(path, value);
  const markdown = (path: PropertyKey[], value: string): ParsedMarkdown =>
    parseMarkdown(located(path, value), file, issues, 'field');

  // Parsed in file order (so messages come in the order of the file)…
  const highlightTexts = data.highlights.map((highlight, index) => {
    const parts = [
      ...(highlight.text ? [markdown(['highlights', index, 'text'], highlight.text)] : []),
      ...(highlight.list
        ? [
            listOf(
              highlight.list.map((item, line) =>
                parseMarkdown(
                  located(['highlights', index, 'list', line], item),
                  file,
                  issues,
                  'list-item',
                ),
              ),
            ),
          ]
        : []),
    ];
    return {
      title: highlight.title,
      tree: { type: 'root' as const, children: parts.flatMap((part) => part.tree.children) },
    };
  });
  const takeawayText = markdown(['takeaway'], data.takeaway);
  const parsedSections = loadSections(files, issues, directory, data, yaml, file);
  const compliance = shared.compliance;
  if (compliance) {
    compliance.checkText(file, located(['name'], data.name));
    compliance.checkText(file, located(['description'], data.description));
    data.highlights.forEach((highlight, index) => {
      if (highlight.text)
        compliance.checkText(file, located(['highlights', index, 'text'], highlight.text));
      highlight.list?.forEach((item, line) =>
        compliance.checkText(file, located(['highlights', index, 'list', line], item)),
      );
    });
    compliance.checkText(file, located(['takeaway'], data.takeaway));
    for (const section of parsedSections) {
      compliance.checkCopy(section.source, section.text.copy, section.id);
      compliance.checkCitations(section.source, section.text.copy, section.id);
    }
    compliance.checkUpperLimits(
      file,
      data.supplementFacts ?? null,
      parsedSections.find((section) => section.id === 'safety')?.text.copy ?? [],
      (row) => yaml.positionOf(['supplementFacts', 'rows', row, 'amount']),
    );
  }

  // …and rendered in page order, so footnote markers are numbered the way a reader meets them.
  const resolver = new CitationResolver(
    shared.citations,
    issues,
    listedWorks(data, shared.citations, yaml, file, issues),
  );
  const render = pageRenderer(resolver);
  const highlights = highlightTexts.map((highlight) => ({
    title: highlight.title,
    html: render(highlight.tree),
  }));
  const sections = parsedSections.map(({ text, ...section }): Section => ({
    ...section,
    html: render(text.tree),
  }));
  const takeaway = render(takeawayText.tree);
  const disclaimer = shared.disclaimer
    ? { title: shared.disclaimer.title, html: render(shared.disclaimer.text.tree) }
    : { title: 'Disclaimer', html: render({ type: 'root', children: [] }) };

  const image = loadImage(
    shared.images,
    issues,
    yaml,
    file,
    ['image', 'file'],
    data.image.file,
    data.image.alt,
  );
  if (!image) return null;
  const variants = data.variants.map((variant, index) => {
    const variantImage = variant.image
      ? loadImage(
          shared.images,
          issues,
          yaml,
          file,
          ['variants', index, 'image'],
          variant.image,
          `${data.image.alt}, ${variant.title ?? `${variant.size} softgels`}`,
        )
      : null;
    return toCatalogVariant(variant, variantImage);
  });

  return {
    handle: data.handle,
    name: data.name,
    brand: data.brand,
    flagship: data.flagship,
    description: data.description,
    image,
    highlights,
    takeaway,
    sections,
    worksCited: resolver.worksCited(),
    disclaimer,
    variants,
    subscriptions: loadSubscriptions(data.subscriptions, yaml, file, issues, shared.compliance),
    safetyNote: loadSafetyNote(data, yaml, file, issues, shared.compliance),
    supplementFacts: data.supplementFacts ?? null,
    article: loadAuthorship(data.article, yaml, file, issues),
  };
}

function listedWorks(
  data: ProductFile,
  library: CitationLibrary,
  yaml: YamlFile,
  file: string,
  issues: IssueCollector,
): Citation[] {
  if (data.worksCited === 'all') return library.all;
  return data.worksCited.flatMap((key, index) => {
    const citation = library.byKey.get(key);
    if (citation) return [citation];
    if (library.brokenKeys.has(key)) return [];
    const position = yaml.positionOf(['worksCited', index]);
    issues.error(
      file,
      position.line,
      position.column,
      `Unknown citation key "${key}" in worksCited`,
      'Use a key from content/citations.yaml.',
    );
    return [];
  });
}

function loadSections(
  files: ContentFiles,
  issues: IssueCollector,
  directory: string,
  data: ProductFile,
  yaml: YamlFile,
  file: string,
) {
  const listed = new Set<string>(data.sections);
  for (const name of files.list('products', directory, 'sections')) {
    const id = name.replace(/\.md$/, '');
    const sectionFile = files.relative('products', directory, 'sections', name);
    if (!name.endsWith('.md') || !(SECTION_IDS as readonly string[]).includes(id)) {
      issues.error(
        sectionFile,
        1,
        1,
        `Unknown section file "${name}"`,
        `Section files are named after a section: ${SECTION_IDS.map((known) => `${known}.md`).join(', ')}.`,
      );
    } else if (!listed.has(id)) {
      issues.warning(
        sectionFile,
        1,
        1,
        `Section "${id}" is not listed under sections: in ${file}, so it is not shown`,
      );
    }
  }
  const seen = new Set<string>();
  return data.sections.flatMap((id, index) => {
    if (seen.has(id)) {
      const position = yaml.positionOf(['sections', index]);
      issues.error(file, position.line, position.column, `Section "${id}" is listed twice`);
      return [];
    }
    seen.add(id);
    const section = loadSection(files, issues, ['products', directory, 'sections', `${id}.md`], id);
    return section
      ? [{ id: id as SectionId, title: section.title, text: section.text, source: section.file }]
      : [];
  });
}

function loadImage(
  images: ImageLibrary,
  issues: IssueCollector,
  yaml: YamlFile,
  file: string,
  path: PropertyKey[],
  name: string,
  alt: string,
): ProductImage | null {
  const position = yaml.positionOf(path);
  if (!/^[a-z0-9][a-z0-9-]*\.svg$/.test(name)) {
    issues.error(
      file,
      position.line,
      position.column,
      `${describePath(path)} "${name}" must be an .svg file name in content/images`,
      'Use lowercase letters, digits and dashes, e.g. vitamin-d3-k2.svg.',
    );
    return null;
  }
  if (!images.has(name)) {
    issues.error(
      file,
      position.line,
      position.column,
      `${describePath(path)} "${name}" is not in content/images`,
      'Add the file to content/images or fix the name.',
    );
    return null;
  }
  // An illustration with problems has its own messages, at its own lines.
  const image = images.get(name);
  if (!image) return null;
  return {
    path: `/images/${name}`,
    alt,
    width: image.width,
    height: image.height,
    markup: toInlineSvg(image.svg, name.replace(/\.svg$/, '')),
  };
}

function toCatalogVariant(
  variant: ProductFile['variants'][number],
  image: ProductImage | null,
): ProductVariant {
  return {
    sku: variant.sku,
    size: variant.size,
    title: variant.title ?? `${variant.size} softgels`,
    price: variant.price.toFixed(2),
    compareAtPrice: variant.compareAtPrice == null ? null : variant.compareAtPrice.toFixed(2),
    stock: variant.stock,
    image,
    gtin: variant.gtin ?? null,
    mpn: variant.mpn ?? null,
  };
}

function checkVariants(
  data: ProductFile,
  yaml: YamlFile,
  file: string,
  issues: IssueCollector,
): void {
  const sizes = new Set<number>();
  data.variants.forEach((variant, index) => {
    if (sizes.has(variant.size)) {
      const position = yaml.positionOf(['variants', index, 'size']);
      issues.error(
        file,
        position.line,
        position.column,
        `Two variants have size ${variant.size}`,
        'Each size can be sold once per product.',
      );
    }
    sizes.add(variant.size);
    if (variant.compareAtPrice != null && variant.compareAtPrice <= variant.price) {
      const position = yaml.positionOf(['variants', index, 'compareAtPrice']);
      issues.error(
        file,
        position.line,
        position.column,
        `compareAtPrice ${variant.compareAtPrice} must be higher than price ${variant.price}`,
        'compareAtPrice is the old price shown struck through; remove it when there is no discount.',
      );
    }
  });
}

/** A product.yaml with errors still gets its sections checked, so one run reports every problem. */
function checkSectionsOfBrokenProduct(
  files: ContentFiles,
  issues: IssueCollector,
  directory: string,
  raw: unknown,
  shared: SharedContent,
): void {
  const listed = (raw as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(listed)) return;
  // Rendered only to have unknown citation keys reported; the page is not built.
  const render = pageRenderer(new CitationResolver(shared.citations, issues, []));
  for (const id of listed) {
    if (typeof id !== 'string' || !(SECTION_IDS as readonly string[]).includes(id)) continue;
    const section = loadSection(files, issues, ['products', directory, 'sections', `${id}.md`], id);
    if (!section) continue;
    shared.compliance?.checkCopy(section.file, section.text.copy, section.id);
    shared.compliance?.checkCitations(section.file, section.text.copy, section.id);
    render(section.text.tree);
  }
}
