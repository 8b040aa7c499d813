import { ComplianceChecker, loadComplianceRules } from './compliance';
import { ContentFiles } from './files';
import { ContentError, IssueCollector, type ContentIssue } from './issues';
import { loadCitations } from './load-citations';
import { loadDiscounts } from './load-discounts';
import { loadImages } from './load-images';
import { loadPolicies } from './load-policies';
import { loadProduct } from './load-product';
import { loadDisclaimer } from './load-section';
import { readYaml } from './read-yaml';
import { siteSchema } from './schemas';
import type { Content, Product, Site } from './types';

export interface ContentCheck {
  content: Content | null;
  issues: ContentIssue[];
}

/** Reads and validates every content file, collecting all problems instead of stopping at the first. */
export function checkContent(root: string = process.cwd()): ContentCheck {
  const files = new ContentFiles(root);
  const issues = new IssueCollector();

  const site = loadSite(files, issues);
  const citations = loadCitations(files, issues);
  const disclaimer = loadDisclaimer(files, issues);
  const images = loadImages(files, issues);
  const discounts = loadDiscounts(files, issues);
  const rules = loadComplianceRules(files, issues);
  const compliance = rules ? new ComplianceChecker(rules, issues) : null;
  if (compliance && disclaimer) compliance.checkDisclaimer(disclaimer.file, disclaimer.text.copy);
  const policies = loadPolicies(files, issues, compliance);
  const products = files
    .list('products')
    .filter((directory) => files.isDirectory('products', directory))
    .map((directory) =>
      loadProduct(files, issues, directory, { citations, disclaimer, compliance, images }),
    )
    .filter((product): product is Product => product !== null);

  checkCatalog(products, files, issues);
  if (files.list('products').length === 0)
    issues.error(
      files.relative('products'),
      1,
      1,
      'No product found',
      'Each product is a folder in content/products with a product.yaml.',
    );

  const content =
    site && policies && !issues.hasErrors
      ? { site, products: sortFlagshipFirst(products), discounts, policies }
      : null;
  return { content, issues: issues.issues };
}

function loadSite(files: ContentFiles, issues: IssueCollector): Site | null {
  return readYaml(files, issues, ['site.yaml'], siteSchema).data;
}

/** SKUs identify variants in the store, so they must be unique across all products. */
function checkCatalog(products: Product[], files: ContentFiles, issues: IssueCollector): void {
  const owners = new Map<string, string>();
  for (const product of products) {
    for (const variant of product.variants) {
      const owner = owners.get(variant.sku);
      if (owner) {
        issues.error(
          files.relative('products', product.handle, 'product.yaml'),
          1,
          1,
          `SKU ${variant.sku} is already used by ${owner}`,
          'Every variant needs its own SKU.',
        );
      }
      owners.set(variant.sku, product.handle);
    }
  }
}

function sortFlagshipFirst(products: Product[]): Product[] {
  return [...products].sort(
    (a, b) => Number(b.flagship) - Number(a.flagship) || a.name.localeCompare(b.name),
  );
}

let cached: Content | null = null;

/**
 * The validated content; throws a ContentError listing every problem. In development it re-reads the
 * files on each call so a saved edit shows on reload.
 */
export function getContent(): Content {
  if (cached && process.env.NODE_ENV !== 'development') return cached;
  const { content, issues } = checkContent();
  if (!content) throw new ContentError(issues);
  cached = content;
  return content;
}

export function getProduct(handle: string): Product | undefined {
  return getContent().products.find((product) => product.handle === handle);
}
