import type { StoreCheck } from './cart-form';
import type { LighthouseFigures, ThrottlingMethod } from './lighthouse';
import type { LoadFigures } from './load';
import type { PageWeight } from './page-weight';
import type { ProbeName } from './probes';

export interface LighthouseSet {
  runs: number;
  floor: LighthouseFigures;
  pdp: LighthouseFigures;
  floorRuns: LighthouseFigures[];
  pdpRuns: LighthouseFigures[];
}

/** Lighthouse (simulated) on cut-down copies of the PDP's HTML: bench/lib/probes.ts. */
export interface ProbeResults {
  runs: number;
  probes: Record<
    ProbeName,
    { label: string; htmlGzipKb: number; median: LighthouseFigures; runs: LighthouseFigures[] }
  >;
}

export interface Throughput {
  /** Mean req/s of the rounds; p50/p99 the worst round's. */
  pdpNextStart: LoadFigures & { rounds: LoadFigures[] };
  pdpNginx: (LoadFigures & { rounds: LoadFigures[] }) | { skipped: string };
  staticNginx: LoadFigures & { rounds: LoadFigures[] };
  ratioNginxOverStatic: number | null;
  ratioNextStartOverStatic: number;
}

export type CartFigures =
  | { skipped: string }
  | (LoadFigures & {
      form: string;
      acknowledgedAdds: number;
      refusedAdds: number;
      refusalSamples: string[];
      store: StoreCheck | null;
    });

export interface BenchResults {
  measuredAt: string;
  machine: Record<string, unknown>;
  buildSeconds: { app: number; floor: number };
  lighthouse: Record<ThrottlingMethod, LighthouseSet>;
  probes?: ProbeResults;
  pages: { floor: PageWeight; pdp: PageWeight; routes: Record<string, PageWeight> };
  throughput: Throughput;
  cart: CartFigures;
  storeInProcess: { p50Ms: number; p99Ms: number } | { skipped: string };
  serverRssMiB: number | null;
  budgets?: BudgetRow[];
}

/** A budget from bench/budgets.json: absolute (min/max) or relative to the floor (…OverFloor). */
export interface Budget {
  metric: string;
  min?: number;
  max?: number;
  minOverFloor?: number;
  maxOverFloor?: number;
  why?: string;
}

export interface BudgetRow {
  metric: string;
  label: string;
  floor: number | null;
  pdp: number | null;
  budget: string;
  limit: number;
  pass: boolean;
}

interface Metric {
  label: string;
  unit: string;
  floor: (results: BenchResults) => number | null;
  pdp: (results: BenchResults) => number | null;
}

const METHOD_LABEL: Record<ThrottlingMethod, string> = {
  simulate: 'simulated',
  devtools: 'devtools',
};

function lighthouseMetrics(method: ThrottlingMethod): Record<string, Metric> {
  const set = (results: BenchResults) => results.lighthouse[method];
  const of = (
    label: string,
    unit: string,
    pick: (figures: LighthouseFigures) => number,
  ): Metric => ({
    label: `${label}, ${METHOD_LABEL[method]}`,
    unit,
    floor: (results) => pick(set(results).floor),
    pdp: (results) => pick(set(results).pdp),
  });
  return {
    [`${method}.performance`]: of('Performance score', '', (f) => f.performance),
    [`${method}.fcpMs`]: of('FCP', 'ms', (f) => f.fcpMs),
    [`${method}.lcpMs`]: of('LCP', 'ms', (f) => f.lcpMs),
    [`${method}.tbtMs`]: of('TBT', 'ms', (f) => f.tbtMs),
    [`${method}.clsMax`]: of('CLS (largest of all runs)', '', (f) => f.cls),
    [`${method}.speedIndexMs`]: of('Speed Index', 'ms', (f) => f.speedIndexMs),
    [`${method}.mainThread.scriptEvaluationMs`]: of(
      'Main thread: script evaluation',
      'ms',
      (f) => f.mainThread.scriptEvaluationMs,
    ),
    [`${method}.mainThread.styleLayoutMs`]: of(
      'Main thread: style & layout',
      'ms',
      (f) => f.mainThread.styleLayoutMs,
    ),
    [`${method}.mainThread.otherMs`]: of('Main thread: other', 'ms', (f) => f.mainThread.otherMs),
    [`${method}.mainThread.restMs`]: of(
      'Main thread: parse, compile, paint, GC',
      'ms',
      (f) => f.mainThread.restMs,
    ),
    [`${method}.mainThread.totalMs`]: of('Main thread: total', 'ms', (f) => f.mainThread.totalMs),
    [`${method}.domSize`]: of('DOM size', 'elements', (f) => f.domSize),
    [`${method}.totalByteWeightKiB`]: of('Total page weight', 'KiB', (f) => f.totalByteWeightKiB),
    [`${method}.accessibility`]: of('Accessibility', '', (f) => f.accessibility),
    [`${method}.bestPractices`]: of('Best practices', '', (f) => f.bestPractices),
    [`${method}.seo`]: of('SEO', '', (f) => f.seo),
  };
}

const kb = (bytes: number) => Math.round((bytes / 1000) * 10) / 10;
const loadOf = (figures: LoadFigures | { skipped: string }) =>
  'skipped' in figures ? null : figures;

const METRICS: Record<string, Metric> = {
  ...lighthouseMetrics('simulate'),
  ...lighthouseMetrics('devtools'),
  'page.firstLoadJsKbGzip': {
    label: 'First-load JS (gzip, scripts a modern browser loads)',
    unit: 'kB',
    floor: (r) => kb(r.pages.floor.firstLoadJsGzipBytes),
    pdp: (r) => kb(r.pages.pdp.firstLoadJsGzipBytes),
  },
  'page.scripts': {
    label: 'Scripts loaded',
    unit: '',
    floor: (r) => r.pages.floor.scripts,
    pdp: (r) => r.pages.pdp.scripts,
  },
  'page.htmlKb': {
    label: 'HTML',
    unit: 'kB',
    floor: (r) => kb(r.pages.floor.htmlBytes),
    pdp: (r) => kb(r.pages.pdp.htmlBytes),
  },
  'page.htmlKbGzip': {
    label: 'HTML gzip',
    unit: 'kB',
    floor: (r) => kb(r.pages.floor.htmlGzipBytes),
    pdp: (r) => kb(r.pages.pdp.htmlGzipBytes),
  },
  'page.rscPayloadKb': {
    label: 'Inline RSC payload (self.__next_f.push scripts)',
    unit: 'kB',
    floor: (r) => kb(r.pages.floor.rscPayloadBytes),
    pdp: (r) => kb(r.pages.pdp.rscPayloadBytes),
  },
  'throughput.staticNginxRps': {
    label: 'Static reference: nginx, same HTML file',
    unit: 'req/s',
    floor: () => null,
    pdp: (r) => r.throughput.staticNginx.requestsPerSecond,
  },
  'throughput.pdpNginxRps': {
    label: 'PDP via nginx (deploy/nginx) in front of next start',
    unit: 'req/s',
    floor: () => null,
    pdp: (r) => loadOf(r.throughput.pdpNginx)?.requestsPerSecond ?? null,
  },
  'throughput.pdpNextStartRps': {
    label: 'PDP via next start alone',
    unit: 'req/s',
    floor: () => null,
    pdp: (r) => r.throughput.pdpNextStart.requestsPerSecond,
  },
  'throughput.ratioNginxOverStatic': {
    label: 'Ratio PDP via nginx / static',
    unit: 'x',
    floor: () => null,
    pdp: (r) => r.throughput.ratioNginxOverStatic,
  },
  'throughput.ratioNextStartOverStatic': {
    label: 'Ratio PDP via next start / static',
    unit: 'x',
    floor: () => null,
    pdp: (r) => r.throughput.ratioNextStartOverStatic,
  },
};

const round = (value: number) =>
  Math.abs(value) < 1 && value !== 0 ? Number(value.toFixed(3)) : Math.round(value * 10) / 10;
const show = (value: number | null, unit = '') =>
  value === null || Number.isNaN(value)
    ? '–'
    : `${round(value)}${unit && unit !== 'x' ? ` ${unit}` : unit}`;

export function evaluateBudgets(results: BenchResults, budgets: Budget[]): BudgetRow[] {
  return budgets.map((budget) => {
    const metric = METRICS[budget.metric];
    if (!metric) throw new Error(`bench/budgets.json: unknown metric ${budget.metric}`);
    const floor = metric.floor(results);
    const pdp = metric.pdp(results);
    let limit: number;
    let text: string;
    let pass: boolean;
    const unit = metric.unit === 'x' ? 'x' : metric.unit ? ` ${metric.unit}` : '';
    if (budget.maxOverFloor !== undefined || budget.minOverFloor !== undefined) {
      const offset = (budget.maxOverFloor ?? budget.minOverFloor)!;
      limit = (floor ?? NaN) + offset;
      const sign = offset >= 0 ? '+' : '−';
      text = `${budget.maxOverFloor !== undefined ? '≤' : '≥'} floor ${sign} ${Math.abs(offset)}${unit} (${show(limit)})`;
      pass =
        pdp !== null &&
        floor !== null &&
        (budget.maxOverFloor !== undefined ? pdp <= limit : pdp >= limit);
    } else {
      limit = (budget.max ?? budget.min)!;
      text = `${budget.max !== undefined ? '≤' : '≥'} ${limit}${unit}`;
      pass = pdp !== null && (budget.max !== undefined ? pdp <= limit : pdp >= limit);
    }
    return { metric: budget.metric, label: metric.label, floor, pdp, budget: text, limit, pass };
  });
}

export function printTable(results: BenchResults, rows: BudgetRow[]): void {
  const budgetOf = new Map(rows.map((row) => [row.metric, row]));
  const table: string[][] = [['Metric', 'Floor', 'PDP', 'PDP − floor', 'Budget', 'Result']];
  const section = (title: string) => table.push([`— ${title}`, '', '', '', '', '']);
  const add = (id: string) => {
    const metric = METRICS[id]!;
    const floor = metric.floor(results);
    const pdp = metric.pdp(results);
    const budget = budgetOf.get(id);
    table.push([
      metric.label,
      show(floor, metric.unit),
      show(pdp, metric.unit),
      floor === null || pdp === null
        ? ''
        : `${pdp - floor >= 0 ? '+' : '−'}${show(Math.abs(pdp - floor), metric.unit)}`,
      budget?.budget ?? '',
      budget ? (budget.pass ? 'pass' : 'FAIL') : '',
    ]);
  };
  // Page weight, DOM size and the other categories do not depend on the throttling: shown once.
  const sameEitherWay = ['domSize', 'totalByteWeightKiB', 'accessibility', 'bestPractices', 'seo'];
  for (const method of ['simulate', 'devtools'] as const) {
    section(
      `Lighthouse 12 mobile, ${METHOD_LABEL[method]} throttling, median of ${results.lighthouse[method].runs} runs each (floor and PDP alternating)`,
    );
    for (const id of Object.keys(METRICS).filter((key) => key.startsWith(`${method}.`))) {
      if (
        method === 'devtools' &&
        sameEitherWay.includes(id.slice(method.length + 1)) &&
        !budgetOf.has(id)
      )
        continue;
      add(id);
    }
  }
  section('Page weight (fetched HTML and scripts)');
  for (const id of [
    'page.firstLoadJsKbGzip',
    'page.scripts',
    'page.htmlKb',
    'page.htmlKbGzip',
    'page.rscPayloadKb',
  ])
    add(id);
  section('Throughput, autocannon 20 connections, loopback');
  for (const id of [
    'throughput.staticNginxRps',
    'throughput.pdpNginxRps',
    'throughput.pdpNextStartRps',
    'throughput.ratioNginxOverStatic',
    'throughput.ratioNextStartOverStatic',
  ])
    add(id);

  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
  console.log(`\n${line(table[0]!)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const row of table.slice(1)) console.log(line(row));

  if (results.probes) printProbes(results, results.probes);

  const { throughput, cart } = results;
  const latency = (figures: LoadFigures) =>
    `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${figures.errors} errors, non-2xx ${figures.non2xx}`;
  console.log('\nLatency (worst round):');
  console.log(`  static nginx:        ${latency(throughput.staticNginx)}`);
  const nginxLoad = loadOf(throughput.pdpNginx);
  console.log(
    `  PDP via nginx:       ${nginxLoad ? latency(nginxLoad) : `skipped: ${(throughput.pdpNginx as { skipped: string }).skipped}`}`,
  );
  console.log(`  PDP via next start:  ${latency(throughput.pdpNextStart)}`);
  if ('skipped' in cart) {
    console.log(`\nCart writes (no-JS form post): skipped: ${cart.skipped}`);
  } else {
    const statuses = Object.entries(cart.statusCounts)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    console.log(
      `\nCart writes: the PDP's add-to-cart form (${cart.form}) posted as without JavaScript, next start, 20 connections: ${cart.requestsPerSecond} req/s, p50 ${cart.p50Ms} ms, p99 ${cart.p99Ms} ms; ` +
        `statuses ${statuses}; ${cart.acknowledgedAdds} adds acknowledged, ${cart.refusedAdds} refused; ${cart.errors} errors` +
        (cart.store
          ? `; the store holds ${cart.store.storedQuantity} of the ${cart.store.acknowledgedQuantity} acknowledged (lost ${cart.store.lostQuantity}; ${cart.store.unacknowledgedQuantity} more written by posts still in flight when the run stopped)`
          : ''),
    );
    if (cart.refusalSamples.length > 0)
      console.log(`  refusals said: ${cart.refusalSamples.join(' | ')}`);
  }
  const store = results.storeInProcess;
  console.log(
    `Local store alone, in process (no HTTP): ${'skipped' in store ? `skipped: ${store.skipped}` : `cartLinesAdd p50 ${store.p50Ms} ms, p99 ${store.p99Ms} ms`}`,
  );
  const seconds = (value: number) =>
    Number.isNaN(value) ? 'not built (BENCH_SKIP_BUILD)' : `${value} s`;
  console.log(
    `Build time: app ${seconds(results.buildSeconds.app)}, floor ${seconds(results.buildSeconds.floor)}; PDP server (next start) RSS after the load runs: ${results.serverRssMiB ?? 'n/a'} MiB`,
  );
  const routes = Object.entries(results.pages.routes).map(
    ([route, weight]) =>
      `  ${route}: first-load JS ${kb(weight.firstLoadJsGzipBytes)} kB gzip in ${weight.scripts} scripts; HTML ${kb(weight.htmlBytes)} kB (${kb(weight.htmlGzipBytes)} kB gzip), RSC payload ${kb(weight.rscPayloadBytes)} kB`,
  );
  console.log(`Other routes:\n${routes.join('\n')}`);
}

/** The probes beside the floor and the PDP: where the simulated paint budgets go before any app code runs. */
function printProbes(results: BenchResults, { runs, probes }: ProbeResults): void {
  const { floor, pdp } = results.lighthouse.simulate;
  const rows: Array<[string, string, LighthouseFigures]> = [
    ['Floor (empty Next.js page)', show(kb(results.pages.floor.htmlGzipBytes)), floor],
    ...Object.values(probes).map((probe): [string, string, LighthouseFigures] => [
      probe.label,
      show(probe.htmlGzipKb),
      probe.median,
    ]),
    ['PDP', show(kb(results.pages.pdp.htmlGzipBytes)), pdp],
  ];
  console.log(
    `\nSimulated throttling, median of ${runs} runs: the PDP's HTML cut down, as static files from nginx (bench/lib/probes.ts)`,
  );
  const table = [
    ['Page', 'HTML gzip kB', 'FCP', 'FCP − floor', 'LCP', 'LCP − floor', 'TBT'],
    ...rows.map(([label, gzip, figures]) => [
      label,
      gzip,
      `${figures.fcpMs} ms`,
      `${figures.fcpMs - floor.fcpMs >= 0 ? '+' : '−'}${Math.abs(figures.fcpMs - floor.fcpMs)} ms`,
      `${figures.lcpMs} ms`,
      `${figures.lcpMs - floor.lcpMs >= 0 ? '+' : '−'}${Math.abs(figures.lcpMs - floor.lcpMs)} ms`,
      `${figures.tbtMs} ms`,
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table)
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));
  console.log(
    `LCP runs, floor: ${results.lighthouse.simulate.floorRuns.map((run) => run.lcpMs).join(', ')} ms; PDP: ${results.lighthouse.simulate.pdpRuns.map((run) => run.lcpMs).join(', ')} ms`,
  );
}
