/**
 * `npm run soak`: a sustained mixed load on the production build served by `next start`, loopback only:
 * PDP views and cart writes (the PDP's add-to-cart form posted as a browser without JavaScript posts
 * it) from 20 connections for 60 s, then stops. Reports errors, status codes, lost writes (adds the
 * server acknowledged vs quantities in the store's SQLite file, read read-only after the run), the
 * server's RSS before and after, and the largest size the store's WAL file reached (sampled every
 * second). Exits 1 on any error, refused add or lost write. Builds the app first if `.next` is missing.
 *
 * Env: SOAK_SECONDS (60), SOAK_CONNECTIONS (20), SOAK_VIEWS_PER_WRITE (3), SOAK_PORT (3220).
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { CartWrites, checkStore, fileSize, findAddToCartForm, walFile } from './lib/cart-form';
import { hooksOf, summarize } from './lib/load';
import { buildNext, residentMemoryMiB, startNextServer } from './lib/server';

const PDP = '/products/vitamin-d3-k2';
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 20);
const VIEWS_PER_WRITE = Number(process.env.SOAK_VIEWS_PER_WRITE ?? 3);
const PORT = Number(process.env.SOAK_PORT ?? 3220);

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function main() {
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    console.log('No production build in .next: building it first…');
    buildNext();
  }
  const server = await startNextServer(PORT);
  let failed = false;
  try {
    const pdpUrl = server.url + PDP;
    const found = findAddToCartForm(await (await fetch(pdpUrl)).text(), pdpUrl);
    if ('reason' in found) {
      console.error(
        `Cannot soak cart writes: ${found.reason}. (The PDP at ${pdpUrl} should render its add-to-cart form with the hidden $ACTION_ID_… input of a Server Action.)`,
      );
      process.exitCode = 1;
      return;
    }
    const writes = new CartWrites(found.form);
    const views: Record<string, number> = {};
    const view: autocannon.Request = {
      method: 'GET',
      path: PDP,
      onResponse: (status: number) => {
        views[status] = (views[status] ?? 0) + 1;
      },
    };

    const rssBefore = residentMemoryMiB(server.pid);
    const wal = walFile(server.dataDir);
    let walPeak = fileSize(wal);
    const sampler = setInterval(() => {
      walPeak = Math.max(walPeak, fileSize(wal));
    }, 1000);
    console.log(
      `Soak: ${SECONDS} s, ${CONNECTIONS} connections, ${VIEWS_PER_WRITE} PDP views per cart write (${found.form.kind === 'server-action' ? 'Server Action form' : 'plain form'} posted to ${found.form.actionUrl}), next start on ${server.url}, store in ${server.dataDir}…`,
    );
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [...Array.from({ length: VIEWS_PER_WRITE }, () => view), hooksOf(writes)],
    });
    clearInterval(sampler);
    walPeak = Math.max(walPeak, fileSize(wal));
    const rssAfter = residentMemoryMiB(server.pid);
    const store = checkStore(server.dataDir, writes);

    const load = summarize(result);
    const unexpectedViews = Object.entries(views)
      .filter(([status]) => status !== '200')
      .reduce((total, [, count]) => total + count, 0);
    const unexpectedWrites = Object.entries(writes.statusCounts)
      .filter(([status]) => status !== '303')
      .reduce((total, [, count]) => total + count, 0);
    const errors = load.errors + unexpectedViews + unexpectedWrites + writes.refusedAdds;
    const report = {
      measuredAt: new Date().toISOString(),
      seconds: SECONDS,
      connections: CONNECTIONS,
      viewsPerWrite: VIEWS_PER_WRITE,
      form: found.form.kind,
      requests: result.requests.total,
      requestsPerSecond: load.requestsPerSecond,
      latency: { p50Ms: load.p50Ms, p99Ms: load.p99Ms, maxMs: result.latency.max },
      errors: {
        total: errors,
        transport: result.errors,
        timeouts: result.timeouts,
        unexpectedViewStatuses: unexpectedViews,
        unexpectedWriteStatuses: unexpectedWrites,
        refusedAdds: writes.refusedAdds,
      },
      statusCodes: { all: load.statusCounts, views, writes: writes.statusCounts },
      refusalSamples: [...writes.refusalSamples],
      writes: {
        acknowledgedAdds: writes.acknowledgedAdds,
        acknowledgedWithoutMessage: writes.acknowledgedWithoutMessage,
        ...store,
      },
      serverRssMiB: { before: rssBefore, after: rssAfter },
      walPeakMiB: mib(walPeak),
    };
    fs.mkdirSync(path.join('bench', '.runs'), { recursive: true });
    fs.writeFileSync(
      path.join('bench', '.runs', 'soak.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );

    // autocannon stops with up to one request per connection in flight; their answers are never read.
    const inFlight =
      store.unacknowledgedQuantity <= CONNECTIONS * found.form.quantity
        ? 'posts still in flight when the run stopped'
        : `more than the ${CONNECTIONS} posts that can be in flight at the stop: posts answered as refused or failed wrote anyway`;
    const counts = (record: Record<string, number>) =>
      Object.entries(record)
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ') || 'none';
    console.log(`
Requests             ${report.requests} in ${SECONDS} s (${report.requestsPerSecond} req/s), p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, max ${result.latency.max} ms
Errors               ${errors} (transport ${result.errors}, timeouts ${result.timeouts}, unexpected view statuses ${unexpectedViews}, unexpected write statuses ${unexpectedWrites}, refused adds ${writes.refusedAdds})
Status codes         views ${counts(views)}; writes ${counts(writes.statusCounts)}
Writes               ${writes.acknowledgedAdds} adds acknowledged (303, success message) into ${store.cartsWithAcknowledgedAdds} carts, quantity ${store.acknowledgedQuantity}; the store holds ${store.storedQuantity} in those carts, ${store.storeTotalQuantity} in all ${store.cartsInStore} carts
Lost writes          ${store.lostQuantity}${store.unacknowledgedQuantity > 0 ? ` (the store has ${store.unacknowledgedQuantity} more than was acknowledged: ${inFlight})` : ''}
Server RSS           ${rssBefore ?? 'n/a'} MiB before, ${rssAfter ?? 'n/a'} MiB after
WAL peak             ${report.walPeakMiB} MiB (local-store.sqlite-wal, sampled every second)`);
    if (writes.refusalSamples.size > 0)
      console.log(`Refusals said        ${[...writes.refusalSamples].join(' | ')}`);
    if (writes.acknowledgedWithoutMessage > 0)
      console.log(
        `Note                 ${writes.acknowledgedWithoutMessage} answers were 303 without the one-time message cookie; counted as acknowledged.`,
      );
    failed = errors > 0 || store.lostQuantity > 0;
    console.log(
      failed
        ? '\nSoak FAILED: errors or lost writes (details above; bench/.runs/soak.json).'
        : '\nSoak passed: no errors, no lost writes.',
    );
  } finally {
    await server.stop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
