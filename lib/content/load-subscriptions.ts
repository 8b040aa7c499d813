import type { CatalogSubscription } from './catalog-types';
import type { ComplianceChecker } from './compliance';
import type { IssueCollector } from './issues';
import type { ProductFile } from './schemas';
import type { YamlFile } from './yaml-file';

/** "Delivers every 30 days, 10% off": the name a plan gets when product.yaml gives none. */
export function subscriptionName(intervalDays: number, percentOff: number): string {
  return `Delivers every ${intervalDays === 1 ? 'day' : `${intervalDays} days`}, ${percentOff}% off`;
}

/**
 * A product's subscribe & save plans, named. An interval offered twice is reported at the second:
 * the interval is what identifies a plan in shoppers' carts, so two plans cannot share one. A name a
 * marketer writes is shopper-facing copy, so the compliance rules read it too (offers included).
 */
export function loadSubscriptions(
  plans: ProductFile['subscriptions'],
  yaml: YamlFile,
  file: string,
  issues: IssueCollector,
  compliance: ComplianceChecker | null,
): CatalogSubscription[] {
  const firstLine = new Map<number, number>();
  return plans.flatMap((plan, index) => {
    const earlier = firstLine.get(plan.intervalDays);
    if (earlier !== undefined) {
      const position = yaml.positionOf(['subscriptions', index, 'intervalDays']);
      issues.error(
        file,
        position.line,
        position.column,
        `Two subscriptions deliver every ${plan.intervalDays} days (the first is on line ${earlier})`,
        'Each interval can be offered once per product; change the interval or remove one of them.',
      );
      return [];
    }
    firstLine.set(
      plan.intervalDays,
      yaml.positionOf(['subscriptions', index, 'intervalDays']).line,
    );
    if (plan.name && compliance) {
      const name = yaml.locatedText(['subscriptions', index, 'name'], plan.name);
      compliance.checkText(file, name);
      compliance.checkOfferTerms(file, name);
    }
    return [
      {
        intervalDays: plan.intervalDays,
        percentOff: plan.percentOff,
        name: plan.name ?? subscriptionName(plan.intervalDays, plan.percentOff),
      },
    ];
  });
}
