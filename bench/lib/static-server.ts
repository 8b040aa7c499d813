import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConfig, runNginx, testPort } from '../../tests/support/nginx';

const CONF_DIR = fileURLToPath(new URL('../nginx/', import.meta.url));

/**
 * The throughput reference: nginx serving the PDP's HTML bytes as a plain file from a temp dir, on the
 * same machine in the same run. The same software that fronts the app (deploy/nginx), so the ratio
 * nginx-PDP / static compares the app's path through nginx with nginx at its simplest, and no
 * hand-written server is involved. `pages` are more files beside index.html (the probes); the app's
 * built scripts are served at /_next/static/ so a page's scripts load.
 */
export async function startStaticServer(
  html: string,
  pages: Record<string, string> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const runtimeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-static-nginx-'));
  const root = path.join(runtimeDir, 'html');
  fs.mkdirSync(root);
  for (const [name, text] of Object.entries({ ...pages, 'index.html': html }))
    fs.writeFileSync(path.join(root, name), text, { mode: 0o644 });
  // mkdtemp makes 0700 dirs; workers run as an unprivileged user when the master runs as root.
  for (const dir of [runtimeDir, root]) fs.chmodSync(dir, 0o755);
  const port = await testPort();
  const confDir = path.join(runtimeDir, 'conf');
  renderConfig(CONF_DIR, confDir, {
    NGINX_RUNTIME_DIR: runtimeDir,
    NGINX_HTTP_PORT: String(port),
    NEXT_STATIC_DIR: path.resolve('.next', 'static'),
  });
  const nginx = await runNginx(runtimeDir, path.join(confDir, 'static.conf'));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await nginx.stop();
      fs.rmSync(runtimeDir, { recursive: true, force: true });
    },
  };
}
