import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Copies that would be wrong to share, or are not needed to serve the app. */
const NOT_LINKED = new Set(['.next', '.git', '.data', 'test-results', 'playwright-report']);

/**
 * A second `next start` of the suite's production build, in Shopify mode (PUBLIC_STORE_DOMAIN set),
 * for the tests that need a shop. It serves a copy of .next from a directory that links everything
 * else, so the pages it regenerates never reach the suite's own server.
 */
export async function startShopifyModeServer(port: number, env: Record<string, string>) {
  const root = process.cwd();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-shopify-mode-'));
  for (const entry of fs.readdirSync(root))
    if (!NOT_LINKED.has(entry)) fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
  const cache = path.join(root, '.next', 'cache');
  fs.cpSync(path.join(root, '.next'), path.join(dir, '.next'), {
    recursive: true,
    filter: (source) => !source.startsWith(cache),
  });

  const logs: string[] = [];
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) =>
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
    );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${logs.join('\n')}`);
    const ready = await fetch(`${url}/api/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer:\n${logs.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    logs,
    stop() {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
