/**
 * `npm run scale-out`: the production build as several `next start` instances sharing one Redis and
 * one local store behind deploy/nginx, loopback only, under the soak's mixed load (PDP views and the
 * add-to-cart form posted as a browser without JavaScript posts it, 20 connections):
 *   1. throughput through nginx with one instance, then with two (SCALE_OUT_SECONDS each);
 *   2. the same load while deploy/nginx/rolling-restart.sh restarts both instances one at a time,
 *      then 3 s more. Every GET must be a 200, every post a 303, and every add the server
 *      acknowledged must be in the store.
 * Writes bench/.runs/scale-out.json; exits 1 on a failed GET, a failed post or a lost write. Builds
 * first when `.next` cannot run as several instances (tests/support/build-env.ts has the key and id).
 *
 * Env: SCALE_OUT_SECONDS (15), SCALE_OUT_CONNECTIONS (20), SCALE_OUT_VIEWS_PER_WRITE (3),
 * TEST_PORTS (a port range, as for the tests).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { PHASE_PRODUCTION_SERVER } from 'next/constants';
import { RedisConnection } from '../lib/redis/client.mjs';
import { scaleOutProblems } from '../lib/scale-out';
import { CartWrites, checkStore, findAddToCartForm, type AddToCartForm } from './lib/cart-form';
import { hooksOf, summarize } from './lib/load';
import { waitForUrl } from './lib/server';
import { E2E_BUILD_ENV } from '../tests/support/build-env';
import { DEPLOY_DIR, startNginx, testPort, type RunningNginx } from '../tests/support/nginx';
import { startRedisServer, type RedisServer } from '../tests/support/redis-server';

const PDP = '/products/vitamin-d3-k2';
const SECONDS = Number(process.env.SCALE_OUT_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.SCALE_OUT_CONNECTIONS ?? 20);
const VIEWS_PER_WRITE = Number(process.env.SCALE_OUT_VIEWS_PER_WRITE ?? 3);
// The load posts far faster than a shopper; nginx's per-address POST limit would refuse most of it.
const POST_LIMIT = { perSecond: 100_000, burst: 100_000 };

interface Stream {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors and timeouts. */
  transportErrors: number;
  statuses: Record<string, number>;
}

interface Run {
  requestsPerSecond: number;
  views: Stream;
  posts: Stream & { acknowledgedAdds: number; refusedAdds: number };
}

/** Each instance in the background with a pid file, started and stopped by shell commands, as a service manager would. */
function instanceCommands(apps: string) {
  const next = path.join('node_modules', 'next', 'dist', 'bin', 'next');
  return {
    start: `setsid "${process.execPath}" ${next} start -H 127.0.0.1 -p "$INSTANCE_PORT" >>"${apps}/$INSTANCE_PORT.log" 2>&1 & echo $! >"${apps}/$INSTANCE_PORT.pid"`,
    stop: `pid=$(cat "${apps}/$INSTANCE_PORT.pid"); kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done`,
  };
}

/** One autocannon run of `requests`, until `stopWhen` (and 3 s more) or for SECONDS. */
function stream(
  url: string,
  connections: number,
  requests: autocannon.Request[],
  stopWhen?: Promise<void>,
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const load = autocannon(
      // Bounded either way: the duration, or the end of the rolling restart and 3 s more.
      { url, connections, duration: stopWhen ? 600 : SECONDS, requests },
      (error, result) => {
        if (error) return reject(error);
        const figures = summarize(result);
        resolve({
          requests: result.requests.total,
          requestsPerSecond: figures.requestsPerSecond,
          p50Ms: figures.p50Ms,
          p99Ms: figures.p99Ms,
          maxMs: result.latency.max,
          transportErrors: figures.errors,
          statuses: figures.statusCounts,
        });
      },
    );
    if (stopWhen) void stopWhen.then(() => setTimeout(() => load.stop(), 3_000));
  });
}

/**
 * PDP views and cart posts at VIEWS_PER_WRITE to one, on connections of their own: autocannon ties
 * answers to a sequence's requests by position, which a reconnection (nginx reloading) can shift.
 */
async function mixedLoad(url: string, writes: CartWrites, stopWhen?: Promise<void>): Promise<Run> {
  const postConnections = Math.max(1, Math.round(CONNECTIONS / (VIEWS_PER_WRITE + 1)));
  const [views, posts] = await Promise.all([
    stream(url, CONNECTIONS - postConnections, [{ method: 'GET', path: PDP }], stopWhen),
    stream(url, postConnections, [hooksOf(writes)], stopWhen),
  ]);
  return {
    requestsPerSecond: views.requestsPerSecond + posts.requestsPerSecond,
    views,
    posts: { ...posts, acknowledgedAdds: writes.acknowledgedAdds, refusedAdds: writes.refusedAdds },
  };
}

const writesFor = (form: AddToCartForm) => new CartWrites(form);

const unexpected = (statuses: Record<string, number>, expected: string) =>
  Object.entries(statuses)
    .filter(([status]) => status !== expected)
    .reduce((total, [, count]) => total + count, 0);

/** GETs that were not a 200 and posts that were not a 303, connection errors included. */
const failures = (run: Run) =>
  run.views.transportErrors +
  run.posts.transportErrors +
  unexpected(run.views.statuses, '200') +
  unexpected(run.posts.statuses, '303');

async function main() {
  const buildEnv = { ...process.env, ...E2E_BUILD_ENV, REDIS_URL: 'redis://127.0.0.1:1' };
  if (
    !fs.existsSync(path.join('.next', 'BUILD_ID')) ||
    scaleOutProblems(PHASE_PRODUCTION_SERVER, buildEnv).length > 0
  ) {
    console.log('Building, with the action key and deployment id several instances need…');
    const build = spawnSync(
      process.execPath,
      [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      {
        stdio: 'inherit',
        env: { ...process.env, ...E2E_BUILD_ENV, NEXT_TELEMETRY_DISABLED: '1' },
      },
    );
    if (build.status !== 0) throw new Error('next build failed');
  }

  const apps = fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-scale-out-'));
  const dataDir = path.join(apps, 'store');
  fs.mkdirSync(dataDir);
  const commands = instanceCommands(apps);
  let redis: RedisServer | undefined;
  let limits: RedisConnection | undefined;
  let nginx: RunningNginx | undefined;
  const ports: number[] = [];
  let failed = false;
  try {
    redis = await startRedisServer(await testPort());
    ports.push(await testPort());
    ports.push(await testPort());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...E2E_BUILD_ENV,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      REDIS_URL: redis.url,
      LOCAL_STORE_DATA_DIR: dataDir,
      SITE_URL: 'http://127.0.0.1',
    };
    const shell = (command: string, port: number) =>
      execFileSync('sh', ['-c', command], { env: { ...env, INSTANCE_PORT: String(port) } });
    for (const port of ports) shell(commands.start, port);
    for (const port of ports) await waitForUrl(`http://127.0.0.1:${port}/api/health`, 90_000);
    // Every post of the load comes through nginx from one address, whose 20 new carts a minute the
    // app would refuse after a few seconds; the load stands for many shoppers, so their count is
    // cleared every second.
    limits = new RedisConnection(redis.url);
    const clearing = limits;
    const clearCartCount = setInterval(() => {
      if (clearing.ready) void clearing.client.del('limit:cart-create:127.0.0.1').catch(() => 0);
    }, 1_000);
    clearCartCount.unref();

    const results: Record<string, Run> = {};
    for (const instances of [1, 2]) {
      await nginx?.stop();
      nginx = await startNginx({ upstreams: ports.slice(0, instances), postLimit: POST_LIMIT });
      const pdpUrl = nginx.url + PDP;
      const found = findAddToCartForm(await (await fetch(pdpUrl)).text(), pdpUrl);
      if ('reason' in found) throw new Error(`No add-to-cart form: ${found.reason}`);
      console.log(`Mixed load through nginx, ${instances} instance(s), ${SECONDS} s…`);
      results[`instances${instances}`] = await mixedLoad(nginx.url, writesFor(found.form));
    }

    const pdpUrl = nginx!.url + PDP;
    const found = findAddToCartForm(await (await fetch(pdpUrl)).text(), pdpUrl);
    if ('reason' in found) throw new Error(`No add-to-cart form: ${found.reason}`);
    const rollingWrites = writesFor(found.form);
    console.log('Mixed load through nginx while rolling-restart.sh restarts both instances…');
    const restarted = new Promise<{ code: number | null; output: string; seconds: number }>(
      (resolve) => {
        const started = Date.now();
        const child = spawn(
          'bash',
          [
            path.join(DEPLOY_DIR, 'rolling-restart.sh'),
            nginx!.upstreamConf,
            nginx!.pidFile,
            `${commands.stop}; ${commands.start}`,
          ],
          { env },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) =>
          resolve({ code, output, seconds: Math.round((Date.now() - started) / 100) / 10 }),
        );
      },
    );
    const rolling = await mixedLoad(
      nginx!.url,
      rollingWrites,
      restarted.then(() => undefined),
    );
    const restart = await restarted;
    const store = checkStore(dataDir, rollingWrites);
    results.rollingRestart = rolling;

    const report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
      connections: CONNECTIONS,
      viewsPerWrite: VIEWS_PER_WRITE,
      secondsPerThroughputRun: SECONDS,
      results,
      rollingRestart: {
        exitCode: restart.code,
        seconds: restart.seconds,
        failedRequests: failures(rolling),
        lostWrites: store.lostQuantity,
        store,
        output: restart.output.trim().split('\n'),
      },
    };
    fs.mkdirSync(path.join('bench', '.runs'), { recursive: true });
    fs.writeFileSync(
      path.join('bench', '.runs', 'scale-out.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    const line = (name: string, run: Run) =>
      `${name.padEnd(20)} ${run.requestsPerSecond} req/s; views ${run.views.requestsPerSecond}/s p50 ${run.views.p50Ms} ms p99 ${run.views.p99Ms} ms ${JSON.stringify(run.views.statuses)}; posts ${run.posts.requestsPerSecond}/s p50 ${run.posts.p50Ms} ms p99 ${run.posts.p99Ms} ms ${JSON.stringify(run.posts.statuses)}; ${failures(run)} failed`;
    console.log(`
${line('One instance', results.instances1!)}
${line('Two instances', results.instances2!)}
${line('Rolling restart', rolling)}
Restart              rolling-restart.sh exited ${restart.code} after ${restart.seconds} s
Writes               ${rollingWrites.acknowledgedAdds} adds acknowledged, quantity ${store.acknowledgedQuantity}; the store holds ${store.storedQuantity} in those carts; lost ${store.lostQuantity}
Load average         ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')} (2-core machines shared with other work are noisy)`);
    failed =
      restart.code !== 0 ||
      failures(rolling) > 0 ||
      rolling.posts.refusedAdds > 0 ||
      store.lostQuantity > 0;
    console.log(
      failed
        ? `\nScale-out FAILED (bench/.runs/scale-out.json):\n${restart.output}`
        : '\nScale-out passed: no failed request and no lost write while both instances restarted.',
    );
  } finally {
    await nginx?.stop();
    for (const port of ports) {
      try {
        execFileSync('sh', ['-c', commands.stop], {
          env: { ...process.env, INSTANCE_PORT: String(port) },
        });
      } catch {
        // never started
      }
    }
    await limits?.close();
    await redis?.close();
    fs.rmSync(apps, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
