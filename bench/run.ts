/**
 * `npm run bench [-- --check]`: builds the app and the framework floor (bench/floor: an empty Next.js
 * page on the same Next.js and React), serves both with `next start` and measures both in the same run
 * with the same tools. Prints one table (floor, PDP, PDP − floor, budget, result), then the probes
 * (the PDP's HTML cut down, bench/lib/probes.ts) that show what the page costs before its own code
 * runs; writes bench/results.json; with --check exits 1 when a budget in bench/budgets.json is missed.
 *
 * Env: BENCH_LOAD_SECONDS (per throughput round, default 10), BENCH_LH_SIMULATE_RUNS (5),
 * BENCH_LH_DEVTOOLS_RUNS (5), CHROME_PATH (/usr/bin/chromium), BENCH_SKIP_BUILD=1 (reuse .next and
 * the floor's build).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CartWrites, checkStore, findAddToCartForm } from './lib/cart-form';
import {
  runLighthouse,
  summarizeRuns,
  type LighthouseFigures,
  type ThrottlingMethod,
} from './lib/lighthouse';
import { loadCartForm, loadGet, type LoadFigures } from './lib/load';
import { measurePageWeight, type PageWeight } from './lib/page-weight';
import { PROBES, probePages, type ProbeName } from './lib/probes';
import {
  evaluateBudgets,
  printTable,
  type BenchResults,
  type Budget,
  type CartFigures,
  type LighthouseSet,
  type ProbeResults,
} from './lib/report';
import { buildNext, residentMemoryMiB, startNextServer, type RunningServer } from './lib/server';
import { startStaticServer } from './lib/static-server';
import { securityHeaders } from '../lib/security/security-headers';
import { startNginx } from '../tests/support/nginx';

const PDP = '/products/vitamin-d3-k2';
const ROUTES = ['/', PDP, `${PDP}?size=120`, '/products/vitamin-d3', '/cart'];
const FLOOR_DIR = path.join('bench', 'floor');
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const RUNS: Record<ThrottlingMethod, number> = {
  simulate: Number(process.env.BENCH_LH_SIMULATE_RUNS ?? 5),
  devtools: Number(process.env.BENCH_LH_DEVTOOLS_RUNS ?? 5),
};
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Lighthouse on the floor and the PDP, alternating so a noisy moment hits both: floor, PDP, then PDP,
 * floor, and so on, simulated and devtools throttling interleaved round by round.
 */
async function lighthouseBoth(
  floorUrl: string,
  pdpUrl: string,
): Promise<Record<ThrottlingMethod, LighthouseSet>> {
  const runs: Record<ThrottlingMethod, { floor: LighthouseFigures[]; pdp: LighthouseFigures[] }> = {
    simulate: { floor: [], pdp: [] },
    devtools: { floor: [], pdp: [] },
  };
  const rounds = Math.max(RUNS.simulate, RUNS.devtools);
  for (let round = 0; round < rounds; round++) {
    for (const method of ['simulate', 'devtools'] as const) {
      if (round >= RUNS[method]) continue;
      const order = round % 2 === 0 ? (['floor', 'pdp'] as const) : (['pdp', 'floor'] as const);
      for (const target of order) {
        const figures = await runLighthouse(
          target === 'floor' ? floorUrl : pdpUrl,
          chromePath,
          method,
        );
        runs[method][target].push(figures);
        console.log(
          `  ${method.padEnd(8)} ${round + 1}/${RUNS[method]} ${target.padEnd(5)}: perf ${figures.performance}, FCP ${figures.fcpMs} ms, LCP ${figures.lcpMs} ms, TBT ${figures.tbtMs} ms, CLS ${figures.cls}`,
        );
      }
    }
  }
  const set = (method: ThrottlingMethod): LighthouseSet => ({
    runs: RUNS[method],
    floor: summarizeRuns(runs[method].floor),
    pdp: summarizeRuns(runs[method].pdp),
    floorRuns: runs[method].floor,
    pdpRuns: runs[method].pdp,
  });
  return { simulate: set('simulate'), devtools: set('devtools') };
}

/**
 * The probes (bench/lib/probes.ts): the PDP's own HTML cut down, as static files from nginx, with
 * simulated throttling, as many runs as the floor and the PDP had, round by round.
 */
async function lighthouseProbes(pdpHtml: string): Promise<ProbeResults> {
  const pages = probePages(pdpHtml);
  const names = Object.keys(pages) as ProbeName[];
  const server = await startStaticServer(
    pdpHtml,
    Object.fromEntries(names.map((name) => [`${name}.html`, pages[name]])),
  );
  const runs: Record<ProbeName, LighthouseFigures[]> = {
    contentOnly: [],
    frameworkScriptsNoPayload: [],
  };
  try {
    for (let round = 0; round < RUNS.simulate; round++) {
      for (const name of round % 2 === 0 ? names : [...names].reverse()) {
        const figures = await runLighthouse(`${server.url}${name}.html`, chromePath, 'simulate');
        runs[name].push(figures);
        console.log(
          `  simulate ${round + 1}/${RUNS.simulate} ${PROBES[name]}: FCP ${figures.fcpMs} ms, LCP ${figures.lcpMs} ms, TBT ${figures.tbtMs} ms`,
        );
      }
    }
  } finally {
    await server.close();
  }
  const htmlGzipKb = (html: string) => Math.round(zlib.gzipSync(html).length / 100) / 10;
  return {
    runs: RUNS.simulate,
    probes: Object.fromEntries(
      names.map((name) => [
        name,
        {
          label: PROBES[name],
          htmlGzipKb: htmlGzipKb(pages[name]),
          median: summarizeRuns(runs[name]),
          runs: runs[name],
        },
      ]),
    ) as ProbeResults['probes'],
  };
}

/** Rounds of load in the order A B C, C B A, so drift over time hits each alike. Mean req/s; the worst round's latency. */
async function throughputRounds(
  targets: Record<string, string>,
  seconds: number,
): Promise<Record<string, LoadFigures & { rounds: LoadFigures[] }>> {
  const names = Object.keys(targets);
  const rounds: Record<string, LoadFigures[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (const order of [names, [...names].reverse()]) {
    for (const name of order) {
      const figures = await loadGet(targets[name]!, seconds);
      rounds[name]!.push(figures);
      console.log(
        `  ${name.padEnd(14)} ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}`,
      );
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const all = rounds[name]!;
      const sum = (pick: (figures: LoadFigures) => number) =>
        all.reduce((total, figures) => total + pick(figures), 0);
      const statusCounts: Record<string, number> = {};
      for (const figures of all)
        for (const [status, count] of Object.entries(figures.statusCounts))
          statusCounts[status] = (statusCounts[status] ?? 0) + count;
      return [
        name,
        {
          requestsPerSecond: Math.round(sum((figures) => figures.requestsPerSecond) / all.length),
          p50Ms: Math.max(...all.map((figures) => figures.p50Ms)),
          p99Ms: Math.max(...all.map((figures) => figures.p99Ms)),
          errors: sum((figures) => figures.errors),
          non2xx: sum((figures) => figures.non2xx),
          statusCounts,
          rounds: all,
        },
      ];
    }),
  );
}

async function cartWrites(server: RunningServer, seconds: number): Promise<CartFigures> {
  const pageUrl = server.url + PDP;
  const found = findAddToCartForm(await (await fetch(pageUrl)).text(), pageUrl);
  if ('reason' in found) return { skipped: `no add-to-cart form to post: ${found.reason}` };
  const writes = new CartWrites(found.form);
  const load = await loadCartForm(writes, seconds);
  let store = null;
  try {
    store = checkStore(server.dataDir, writes);
  } catch (error) {
    console.warn(`  could not read the store to check the writes: ${(error as Error).message}`);
  }
  return {
    ...load,
    form:
      found.form.kind === 'server-action'
        ? 'Server Action form'
        : `plain form (action ${new URL(found.form.actionUrl).pathname})`,
    acknowledgedAdds: writes.acknowledgedAdds,
    refusedAdds: writes.refusedAdds,
    refusalSamples: [...writes.refusalSamples],
    store,
  };
}

async function storeInProcess(): Promise<{ p50Ms: number; p99Ms: number } | { skipped: string }> {
  try {
    const { measureStoreLatency } = await import('./lib/store-latency');
    return await measureStoreLatency();
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0]! };
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const skipBuild = process.env.BENCH_SKIP_BUILD === '1';
  const require = createRequire(import.meta.url);
  const versions = {
    next: require('next/package.json').version as string,
    react: require('react/package.json').version as string,
  };

  const buildSeconds = {
    app: skipBuild ? NaN : buildNext(),
    floor: skipBuild
      ? NaN
      : buildNext(FLOOR_DIR, { FLOOR_RESPONSE_HEADERS: JSON.stringify(securityHeaders) }),
  };

  const app = await startNextServer(3210);
  const floor = await startNextServer(3211, { dir: FLOOR_DIR });
  const nginx = await startNginx({ upstreams: [Number(new URL(app.url).port)] });
  let staticServer: Awaited<ReturnType<typeof startStaticServer>> | null = null;
  try {
    const pdpUrl = app.url + PDP;
    const routes: Record<string, PageWeight> = {};
    for (const route of ROUTES) routes[route] = await measurePageWeight(app.url + route);
    const floorWeight = await measurePageWeight(`${floor.url}/`);

    console.log(
      `Lighthouse 12 mobile on the floor and ${PDP}: ${RUNS.simulate} simulated and ${RUNS.devtools} devtools-throttled runs each…`,
    );
    const lighthouse = await lighthouseBoth(`${floor.url}/`, pdpUrl);
    await floor.stop();
    const html = await (await fetch(pdpUrl)).text();
    console.log(
      'What the PDP costs before its own code runs: its HTML cut down, as static files (bench/lib/probes.ts)…',
    );
    const probes = await lighthouseProbes(html);

    console.log(
      `Throughput (autocannon, 20 connections, ${LOAD_SECONDS} s a round, two rounds each)…`,
    );
    staticServer = await startStaticServer(html);
    const targets = {
      staticNginx: staticServer.url,
      pdpNginx: nginx.url + PDP,
      pdpNextStart: pdpUrl,
    };
    const load = await throughputRounds(targets, LOAD_SECONDS);
    await staticServer.close();
    staticServer = null;
    const ratio = (rps: number | undefined) =>
      rps === undefined
        ? null
        : Math.round((rps / load.staticNginx!.requestsPerSecond) * 100) / 100;

    console.log('Cart writes (the PDP form posted as without JavaScript)…');
    const cart = await cartWrites(app, Math.min(LOAD_SECONDS, 10));
    const rssMiB = residentMemoryMiB(app.pid);

    const results: BenchResults = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100),
        node: process.version,
        ...versions,
      },
      buildSeconds,
      lighthouse,
      probes,
      pages: { floor: floorWeight, pdp: routes[PDP]!, routes },
      throughput: {
        staticNginx: load.staticNginx!,
        pdpNginx: load.pdpNginx!,
        pdpNextStart: load.pdpNextStart!,
        ratioNginxOverStatic: ratio(load.pdpNginx?.requestsPerSecond),
        ratioNextStartOverStatic: ratio(load.pdpNextStart!.requestsPerSecond)!,
      },
      cart,
      storeInProcess: await storeInProcess(),
      serverRssMiB: rssMiB,
    };
    const budgets = (
      JSON.parse(fs.readFileSync(path.join('bench', 'budgets.json'), 'utf8')) as {
        budgets: Budget[];
      }
    ).budgets;
    results.budgets = evaluateBudgets(results, budgets);
    fs.writeFileSync(path.join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results, results.budgets);
    const failures = results.budgets.filter((row) => !row.pass);
    if (failures.length > 0) {
      const value = (figure: number | null) => (figure === null ? 'not measured' : String(figure));
      console.log(
        `\n${failures.length} budget(s) missed:\n${failures.map((row) => `  - ${row.label}: PDP ${value(row.pdp)}${row.floor === null ? '' : `, floor ${row.floor}`}, budget ${row.budget}`).join('\n')}`,
      );
      if (check) process.exitCode = 1;
    } else {
      console.log('\nAll budgets met.');
    }
  } finally {
    await staticServer?.close();
    await nginx.stop();
    await floor.stop();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
