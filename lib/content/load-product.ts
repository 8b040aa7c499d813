import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';
import type { ComplianceChecker } from './compliance';
import type { CitationLibrary } from './load-citations';
import { loadSection } from './load-section';
import { CitationResolver } from './resolve-citations';
import { parseBlocks, parseInline, type LocatedText, type ParsedBlock } from './rich-text';
import { SECTION_IDS, productSchema, type ProductFile } from './schemas';
import type { Citation, Highlight, Product, ProductImage, ProductVariant, Section, SectionId } from './types';
import { findUnsafeSvg, toInlineSvg } from './svg';
import { readYaml } from './read-yaml';
import { describePath, type YamlFile } from './yaml-file';

interface SharedContent {
  citations: CitationLibrary;
  disclaimer: { title: string; blocks: ParsedBlock[] } | null;
  compliance: ComplianceChecker | null;
}

export function loadProduct(files: ContentFiles, issues: IssueCollector, directory: string, shared: SharedContent): Product | null {
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
    issues.error(file, position.line, position.column, `handle "${data.handle}" does not match its folder "products/${directory}"`, 'The folder name is the page address; make them the same.');
  }

  checkVariants(data, yaml, file, issues);

  const located = (path: PropertyKey[], value: string): LocatedText => yaml.locatedText(path, value);
  const inlineBlocks = (path: PropertyKey[], value: string): ParsedBlock[] => {
    const source = located(path, value);
    return [{ type: 'paragraph', children: parseInline(source, file, issues), source }];
  };

  const resolver = new CitationResolver(shared.citations, issues, listedWorks(data, shared.citations, yaml, file, issues));

  // Resolve in page order so footnote markers are numbered the way a reader meets them.
  const highlights: Highlight[] = data.highlights.map((highlight, index) => ({
    title: highlight.title,
    blocks: resolver.blocks([
      ...(highlight.text ? inlineBlocks(['highlights', index, 'text'], highlight.text) : []),
      ...(highlight.list
        ? [listBlock(highlight.list.map((item, line) => located(['highlights', index, 'list', line], item)), file, issues)]
        : []),
    ]),
  }));
  const parsedSections = loadSections(files, issues, directory, data, yaml, file);
  const compliance = shared.compliance;
  if (compliance) {
    compliance.checkText(file, located(['name'], data.name));
    compliance.checkText(file, located(['description'], data.description));
    data.highlights.forEach((highlight, index) => {
      if (highlight.text) compliance.checkText(file, located(['highlights', index, 'text'], highlight.text));
      highlight.list?.forEach((item, line) => compliance.checkText(file, located(['highlights', index, 'list', line], item)));
    });
    compliance.checkText(file, located(['takeaway'], data.takeaway));
    for (const section of parsedSections) {
      compliance.checkCopy(section.source, section.blocks, section.id);
      compliance.checkCitations(section.source, section.blocks, section.id);
    }
    compliance.checkUpperLimits(
      file,
      data.supplementFacts ?? null,
      parsedSections.find((section) => section.id === 'safety')?.blocks ?? [],
      (row) => yaml.positionOf(['supplementFacts', 'rows', row, 'amount']),
    );
  }
  const sections = parsedSections.map(
    (section): Section => ({ ...section, blocks: resolver.blocks(section.blocks) }),
  );
  const takeaway = resolver.blocks(parseBlocks([located(['takeaway'], data.takeaway)], file, issues));
  const disclaimer = shared.disclaimer
    ? { title: shared.disclaimer.title, blocks: resolver.blocks(shared.disclaimer.blocks) }
    : { title: 'Disclaimer', blocks: [] };

  const image = loadImage(files, issues, yaml, file, ['image', 'file'], data.image.file, data.image.alt);
  if (!image) return null;
  const variants = data.variants.map((variant, index) => {
    const variantImage = variant.image
      ? loadImage(files, issues, yaml, file, ['variants', index, 'image'], variant.image, `${data.image.alt}, ${variant.title ?? `${variant.size} softgels`}`)
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
    supplementFacts: data.supplementFacts ?? null,
  };
}

function listedWorks(data: ProductFile, library: CitationLibrary, yaml: YamlFile, file: string, issues: IssueCollector): Citation[] {
  if (data.worksCited === 'all') return library.all;
  return data.worksCited.flatMap((key, index) => {
    const citation = library.byKey.get(key);
    if (citation) return [citation];
    if (library.brokenKeys.has(key)) return [];
    const position = yaml.positionOf(['worksCited', index]);
    issues.error(file, position.line, position.column, `Unknown citation key "${key}" in worksCited`, 'Use a key from content/citations.yaml.');
    return [];
  });
}

function loadSections(files: ContentFiles, issues: IssueCollector, directory: string, data: ProductFile, yaml: YamlFile, file: string) {
  const listed = new Set<string>(data.sections);
  for (const name of files.list('products', directory, 'sections')) {
    const id = name.replace(/\.md$/, '');
    const sectionFile = files.relative('products', directory, 'sections', name);
    if (!name.endsWith('.md') || !(SECTION_IDS as readonly string[]).includes(id)) {
      issues.error(sectionFile, 1, 1, `Unknown section file "${name}"`, `Section files are named after a section: ${SECTION_IDS.map((known) => `${known}.md`).join(', ')}.`);
    } else if (!listed.has(id)) {
      issues.warning(sectionFile, 1, 1, `Section "${id}" is not listed under sections: in ${file}, so it is not shown`);
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
    return section ? [{ id: id as SectionId, title: section.title, blocks: section.blocks, source: section.file }] : [];
  });
}

function loadImage(
  files: ContentFiles,
  issues: IssueCollector,
  yaml: YamlFile,
  file: string,
  path: PropertyKey[],
  name: string,
  alt: string,
): ProductImage | null {
  const position = yaml.positionOf(path);
  if (!/^[a-z0-9][a-z0-9-]*\.svg$/.test(name)) {
    issues.error(file, position.line, position.column, `${describePath(path)} "${name}" must be an .svg file name in content/images`, 'Use lowercase letters, digits and dashes, e.g. vitamin-d3-k2.svg.');
    return null;
  }
  if (!files.exists('images', name)) {
    issues.error(file, position.line, position.column, `${describePath(path)} "${name}" is not in content/images`, 'Add the file to content/images or fix the name.');
    return null;
  }
  const svg = files.read(issues, 'images', name) ?? '';
  const size = /viewBox="\s*0\s+0\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*"/.exec(svg);
  if (!size) {
    issues.error(files.relative('images', name), 1, 1, 'The SVG needs a viewBox="0 0 width height" so the page can reserve its space');
    return null;
  }
  const unsafe = findUnsafeSvg(svg);
  if (unsafe) {
    issues.error(files.relative('images', name), unsafe.line, 1, `The SVG contains ${unsafe.what}, which is not allowed`, 'Export the illustration again as a plain SVG (shapes, gradients and text only).');
    return null;
  }
  return { path: `/images/${name}`, alt, width: Number(size[1]), height: Number(size[2]), markup: toInlineSvg(svg, name.replace(/\.svg$/, '')) };
}

function toCatalogVariant(variant: ProductFile['variants'][number], image: ProductImage | null): ProductVariant {
  return {
    sku: variant.sku,
    size: variant.size,
    title: variant.title ?? `${variant.size} softgels`,
    price: variant.price.toFixed(2),
    compareAtPrice: variant.compareAtPrice == null ? null : variant.compareAtPrice.toFixed(2),
    stock: variant.stock,
    image,
  };
}

function checkVariants(data: ProductFile, yaml: YamlFile, file: string, issues: IssueCollector): void {
  const sizes = new Set<number>();
  data.variants.forEach((variant, index) => {
    if (sizes.has(variant.size)) {
      const position = yaml.positionOf(['variants', index, 'size']);
      issues.error(file, position.line, position.column, `Two variants have size ${variant.size}`, 'Each size can be sold once per product.');
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

function listBlock(sources: LocatedText[], file: string, issues: IssueCollector): ParsedBlock {
  return { type: 'list', items: sources.map((source) => parseInline(source, file, issues)), sources };
}

/** A product.yaml with errors still gets its sections checked, so one run reports everything. */
/** A product.yaml with errors still gets its sections checked, so one run reports every problem. */
function checkSectionsOfBrokenProduct(files: ContentFiles, issues: IssueCollector, directory: string, raw: unknown, shared: SharedContent): void {
  const listed = (raw as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(listed)) return;
  const resolver = new CitationResolver(shared.citations, issues, []);
  for (const id of listed) {
    if (typeof id !== 'string' || !(SECTION_IDS as readonly string[]).includes(id)) continue;
    const section = loadSection(files, issues, ['products', directory, 'sections', `${id}.md`], id);
    if (!section) continue;
    shared.compliance?.checkCopy(section.file, section.blocks, section.id);
    shared.compliance?.checkCitations(section.file, section.blocks, section.id);
    resolver.blocks(section.blocks);
  }
}
