import { policiesSchema, type PoliciesFile } from './policy-schema';
import { readYaml } from './read-yaml';
import type { ComplianceChecker } from './compliance';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';
import type { StorePolicies } from './policy-types';
import type { YamlFile } from './yaml-file';

/** Holidays should reach this far ahead, so a delivery estimate never runs past the last one listed. */
const HOLIDAYS_AHEAD_DAYS = 30;

/**
 * content/policies.yaml: shipping, returns and subscription terms. Beyond the schema: a day or a
 * holiday listed twice is an error at the second; holidays that run out soon are a warning; the
 * subscription terms are shopper-facing copy, read by the compliance rules (disease claims and offers).
 */
export function loadPolicies(
  files: ContentFiles,
  issues: IssueCollector,
  compliance: ComplianceChecker | null,
  today: string = new Date().toISOString().slice(0, 10),
): StorePolicies | null {
  const file = files.relative('policies.yaml');
  const { yaml, data } = readYaml(files, issues, ['policies.yaml'], policiesSchema);
  if (!yaml || !data) return null;

  const before = issues.issues.length;
  reportRepeats(data.shipping.businessDays, ['shipping', 'businessDays'], yaml, file, issues);
  reportRepeats(data.shipping.holidays, ['shipping', 'holidays'], yaml, file, issues);
  warnWhenHolidaysRunOut(data, yaml, file, issues, today);
  if (compliance) {
    const copy: Array<[PropertyKey[], string | undefined]> = [
      [['subscriptions', 'charged'], data.subscriptions.charged],
      [['subscriptions', 'renewal'], data.subscriptions.renewal],
      [['subscriptions', 'cancel'], data.subscriptions.cancel],
      [['returns', 'howTo'], data.returns.howTo],
    ];
    for (const [path, value] of copy) {
      if (value === undefined) continue;
      const located = yaml.locatedText(path, value);
      compliance.checkText(file, located);
      compliance.checkOfferTerms(file, located);
    }
  }
  if (issues.issues.slice(before).some((issue) => issue.severity === 'error')) return null;

  const { shipping, returns, subscriptions } = data;
  return {
    shipping: {
      countries: shipping.countries,
      rate: shipping.rate.toFixed(2),
      freeOver: shipping.freeOver === undefined ? null : shipping.freeOver.toFixed(2),
      handlingDays: shipping.handlingDays,
      transitDays: shipping.transitDays,
      cutoff: shipping.cutoff,
      timeZone: shipping.timeZone,
      businessDays: shipping.businessDays,
      holidays: [...shipping.holidays].sort(),
    },
    returns: {
      days: returns.days,
      returnShipping: returns.returnShipping,
      openedBottles: returns.openedBottles,
      returnTo: returns.returnTo,
      howTo: returns.howTo ?? null,
    },
    subscriptions,
  };
}

function reportRepeats(
  values: readonly string[],
  path: PropertyKey[],
  yaml: YamlFile,
  file: string,
  issues: IssueCollector,
): void {
  const firstLine = new Map<string, number>();
  values.forEach((value, index) => {
    const position = yaml.positionOf([...path, index]);
    const earlier = firstLine.get(value);
    if (earlier === undefined) return void firstLine.set(value, position.line);
    issues.error(
      file,
      position.line,
      position.column,
      `${value} is listed twice (first on line ${earlier})`,
      'Keep one of them.',
    );
  });
}

function warnWhenHolidaysRunOut(
  data: PoliciesFile,
  yaml: YamlFile,
  file: string,
  issues: IssueCollector,
  today: string,
): void {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + HOLIDAYS_AHEAD_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const last = [...data.shipping.holidays].sort().at(-1);
  if (last !== undefined && last >= horizon) return;
  const position = yaml.positionOf(['shipping', 'holidays']);
  issues.warning(
    file,
    position.line,
    position.column,
    last === undefined
      ? 'shipping.holidays: no holidays are listed, so delivery dates count every business day'
      : `shipping.holidays: the last holiday listed is ${last}; delivery dates after it count every business day`,
    "Add the coming year's holidays (days nobody ships or delivers), written YYYY-MM-DD.",
  );
}
