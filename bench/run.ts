/**
 * `npm run bench [-- --check]`: builds the app, serves the production build with the local store and
 * measures it. Prints one table, writes bench/results.json; with --check exits 1 when a budget in
 * bench/budgets.json is missed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLighthouse } from './lib/lighthouse';
import { loadCartAdds, loadGet } from './lib/load';
import { kb, measurePageWeight } from './lib/page-weight';
import { residentMemoryMiB, startNextServer } from './lib/server';
import { startStaticServer } from './lib/static-server';
import { measureStoreLatency } from './lib/store-latency';
import { checkBudgets, printTable } from './lib/report';

const PDP = '/products/vitamin-d3-k2';
const ROUTES = ['/', PDP, `${PDP}?size=120`, '/products/vitamin-d3', '/cart'];
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

async function main() {
  const check = process.argv.includes('--check');

  const buildStart = Date.now();
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('next build failed');
  const buildSeconds = Math.round((Date.now() - buildStart) / 100) / 10;

  const server = await startNextServer(3210);
  try {
    const routes: Record<string, Awaited<ReturnType<typeof measurePageWeight>>> = {};
    for (const route of ROUTES) routes[route] = await measurePageWeight(server.url + route);

    console.log('Lighthouse (mobile, 3 runs)…');
    const lighthouse = await runLighthouse(server.url + PDP, chromePath);

    console.log(`Throughput (${LOAD_SECONDS} s each)…`);
    const html = await (await fetch(server.url + PDP)).text();
    const staticServer = await startStaticServer(html);
    const staticLoad = await loadGet(staticServer.url, LOAD_SECONDS);
    await staticServer.close();
    const pdpLoad = await loadGet(server.url + PDP, LOAD_SECONDS);

    console.log('Cart mutations…');
    const cart = await loadCartAdds(`${server.url}/api/2026-04/graphql.json`, 'gid://shopify/ProductVariant/D3K2-60', Math.min(LOAD_SECONDS, 10));
    const rssMiB = residentMemoryMiB(server.pid);
    const storeInProcess = await measureStoreLatency();

    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      buildSeconds,
      routes: Object.fromEntries(
        Object.entries(routes).map(([route, weight]) => [
          route,
          { firstLoadJsKbGzip: kb(weight.firstLoadJsGzipBytes), scripts: weight.scripts, htmlKb: kb(weight.htmlBytes), htmlKbGzip: kb(weight.htmlGzipBytes) },
        ]),
      ),
      lighthouse: lighthouse.median,
      lighthouseRuns: lighthouse.all,
      throughput: {
        pdp: pdpLoad,
        staticServer: staticLoad,
        ratio: Math.round((pdpLoad.requestsPerSecond / staticLoad.requestsPerSecond) * 100) / 100,
      },
      cart,
      storeInProcess,
      serverRssMiB: rssMiB,
    };
    fs.writeFileSync(path.join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results, PDP);
    if (check) {
      const failures = checkBudgets(results, PDP, JSON.parse(fs.readFileSync(path.join('bench', 'budgets.json'), 'utf8')));
      if (failures.length > 0) {
        console.error(`\n✗ ${failures.length} budget(s) missed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
        process.exitCode = 1;
      } else {
        console.log('\n✓ All budgets met.');
      }
    }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
