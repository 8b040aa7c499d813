import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './static-server';

/** The interface of deploy/nginx/start.ts (the production nginx in front of `next start`). */
interface StartNginx {
  (options: {
    listenPort: number;
    upstream: string;
    runtimeDir?: string;
  }): Promise<{ url: string; stop(): Promise<void> }>;
}

const MODULE = path.join(process.cwd(), 'deploy', 'nginx', 'start.ts');

/**
 * nginx as deployed (deploy/nginx/start.ts: microcache in front of `next start`), on a free loopback
 * port with its runtime files in a temp dir (startNginx's default). Null with the reason when that module is not in the tree.
 */
export async function startNginxFront(
  upstreamUrl: string,
): Promise<{ url: string; stop(): Promise<void> } | { reason: string }> {
  if (!fs.existsSync(MODULE))
    return { reason: `${path.relative(process.cwd(), MODULE)} is not in this tree` };
  const loaded = (await import(pathToFileURL(MODULE).href)) as { startNginx?: StartNginx };
  if (typeof loaded.startNginx !== 'function')
    return { reason: 'deploy/nginx/start.ts does not export startNginx' };
  const upstream = new URL(upstreamUrl);
  const front = await loaded.startNginx({
    listenPort: await freePort(),
    upstream: `${upstream.hostname}:${upstream.port}`,
    // No runtimeDir: startNginx makes a temp one and removes it on stop().
  });
  return { url: front.url.replace(/\/$/, ''), stop: () => front.stop() };
}
