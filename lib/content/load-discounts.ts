import { discountSchema } from './schemas';
import { describePath, YamlFile } from './yaml-file';
import type { CatalogDiscount } from './catalog-types';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';

/**
 * content/discounts.yaml: the codes the local store accepts (a Shopify store keeps its own in the
 * Shopify admin). Each entry is checked on its own, so one broken entry does not hide the others;
 * a code listed twice is reported at the second, naming the line of the first.
 */
export function loadDiscounts(files: ContentFiles, issues: IssueCollector): CatalogDiscount[] {
  const file = files.relative('discounts.yaml');
  const source = files.read(issues, 'discounts.yaml');
  if (source === null) return [];
  const yaml = YamlFile.parse(file, source, issues);
  if (!yaml) return [];
  const entries = yaml.toJS() ?? [];
  if (!Array.isArray(entries)) {
    issues.error(
      file,
      1,
      1,
      'The file must be a list of discount codes, each starting with "- code:"',
    );
    return [];
  }

  const firstLine = new Map<string, number>();
  return entries.flatMap((entry: unknown, index): CatalogDiscount[] => {
    const parsed = discountSchema.safeParse(entry);
    if (!parsed.success) {
      yaml.reportSchemaErrors(
        parsed.error,
        issues,
        (path) => `discount ${describePath([index, ...path])}`,
        [index],
      );
      return [];
    }
    const { code, percentage, minimumSubtotal } = parsed.data;
    const position = yaml.positionOf([index, 'code']);
    const earlier = firstLine.get(code);
    if (earlier !== undefined) {
      issues.error(
        file,
        position.line,
        position.column,
        `Duplicate discount code "${code}" (first listed on line ${earlier})`,
        'Keep one of them.',
      );
      return [];
    }
    firstLine.set(code, position.line);
    return [
      {
        code,
        percentage,
        minimumSubtotal: minimumSubtotal === undefined ? null : minimumSubtotal.toFixed(2),
      },
    ];
  });
}
