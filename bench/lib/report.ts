import type { LighthouseFigures } from './lighthouse';
import type { LoadFigures } from './load';

export interface BenchResults {
  buildSeconds: number;
  routes: Record<string, { firstLoadJsKbGzip: number; scripts: number; htmlKb: number; htmlKbGzip: number }>;
  lighthouse: LighthouseFigures;
  throughput: { pdp: LoadFigures; staticServer: LoadFigures; ratio: number };
  cart: LoadFigures & { userErrors: number };
  storeInProcess: { p50Ms: number; p99Ms: number };
  serverRssMiB: number | null;
}

type Budget = { min?: number; max?: number };
type Budgets = {
  lighthouse: Record<keyof LighthouseFigures, Budget>;
  firstLoadJsKbGzip: Budget;
  throughputRatio: Budget;
  cartMutationP99Ms: Budget;
};

export function printTable(results: BenchResults, pdp: string): void {
  const { lighthouse: lh, throughput, cart } = results;
  const rows: Array<[string, string]> = [
    ['Lighthouse mobile: performance / accessibility / best practices / SEO', `${lh.performance} / ${lh.accessibility} / ${lh.bestPractices} / ${lh.seo}`],
    ['LCP / TBT / CLS', `${lh.lcpMs} ms / ${lh.tbtMs} ms / ${lh.cls}`],
    ['Total byte weight (PDP)', `${lh.totalByteWeightKiB} KiB`],
    ...Object.entries(results.routes).map(([route, weight]): [string, string] => [
      `First-load JS ${route}`,
      `${weight.firstLoadJsKbGzip} kB gzip in ${weight.scripts} scripts; HTML ${weight.htmlKb} kB (${weight.htmlKbGzip} kB gzip)`,
    ]),
    [`Throughput ${pdp}`, `${throughput.pdp.requestsPerSecond} req/s (p50 ${throughput.pdp.p50Ms} ms, p99 ${throughput.pdp.p99Ms} ms)`],
    ['Throughput static server, same HTML', `${throughput.staticServer.requestsPerSecond} req/s (p50 ${throughput.staticServer.p50Ms} ms, p99 ${throughput.staticServer.p99Ms} ms)`],
    ['PDP / static ratio', `${throughput.ratio}x`],
    ['Local cartLinesAdd, 20 connections', `${cart.requestsPerSecond} req/s, p50 ${cart.p50Ms} ms, p99 ${cart.p99Ms} ms (${cart.non2xx} non-2xx, ${cart.userErrors} userErrors)`],
    ['Local store alone, in process (no HTTP)', `cartLinesAdd p50 ${results.storeInProcess.p50Ms} ms, p99 ${results.storeInProcess.p99Ms} ms`],
    ['Build time', `${results.buildSeconds} s`],
    ['Server RSS after load', results.serverRssMiB === null ? 'n/a' : `${results.serverRssMiB} MiB`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${'Metric'.padEnd(width)} | Result\n${'-'.repeat(width)}-|-${'-'.repeat(40)}`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)} | ${value}`);
}

export function checkBudgets(results: BenchResults, pdp: string, budgets: Budgets): string[] {
  const failures: string[] = [];
  const test = (name: string, value: number, budget: Budget) => {
    if (budget.min !== undefined && !(value >= budget.min)) failures.push(`${name}: ${value} < ${budget.min}`);
    if (budget.max !== undefined && !(value <= budget.max)) failures.push(`${name}: ${value} > ${budget.max}`);
  };
  for (const [key, budget] of Object.entries(budgets.lighthouse) as Array<[keyof LighthouseFigures, Budget]>) {
    test(`Lighthouse ${key}`, results.lighthouse[key], budget);
  }
  test('First-load JS on the PDP (kB gzip)', results.routes[pdp]?.firstLoadJsKbGzip ?? Infinity, budgets.firstLoadJsKbGzip);
  test('PDP throughput / static server', results.throughput.ratio, budgets.throughputRatio);
  test('Cart mutation p99 (ms)', results.cart.p99Ms, budgets.cartMutationP99Ms);
  return failures;
}
