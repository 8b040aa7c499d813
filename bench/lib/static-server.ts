import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitForUrl } from './server';

const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/**
 * The throughput reference: nginx serving the PDP's HTML bytes as a plain file from a temp dir, on the
 * same machine in the same run. The same software that fronts the app (deploy/nginx), so the ratio
 * nginx-PDP / static compares the app's path through nginx with nginx at its simplest, and no
 * hand-written server is involved. Its own prefix, config and pid file; nothing outside the temp dir.
 */
export interface StaticServerOptions {
  workerProcesses?: number | 'auto';
  /** More pages beside index.html, by file name. */
  pages?: Record<string, string>;
  /** The app's built assets (.next/static), served at /_next/static/ so a page's scripts load. */
  nextStaticDir?: string;
  /** gzip for clients that ask for it, as next start does (the load tool does not ask). */
  gzip?: boolean;
}

export async function startStaticServer(
  html: string,
  options: StaticServerOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-static-nginx-'));
  const root = path.join(prefix, 'html');
  fs.mkdirSync(root);
  const pages = { ...options.pages, 'index.html': html };
  for (const [name, text] of Object.entries(pages)) {
    fs.writeFileSync(path.join(root, name), text);
    fs.chmodSync(path.join(root, name), 0o644);
  }
  // mkdtemp makes 0700 dirs; workers run as an unprivileged user when the master runs as root.
  for (const dir of [prefix, root]) fs.chmodSync(dir, 0o755);
  const nextStatic = options.nextStaticDir
    ? `location /_next/static/ { alias ${path.resolve(options.nextStaticDir)}/; }`
    : '';
  const gzip = options.gzip
    ? 'gzip on; gzip_comp_level 6; gzip_types application/javascript text/css;'
    : '';

  const port = await freePort();
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes ${options.workerProcesses ?? 'auto'};
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types { text/html html; application/javascript js; text/css css; }
  default_type text/html;
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  open_file_cache max=16 inactive=60s;
  open_file_cache_valid 60s;
  ${gzip}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location = / { try_files /index.html =404; }
    location / { try_files $uri =404; }
    ${nextStatic}
  }
}
`,
  );
  const test = spawnSync(
    NGINX,
    ['-t', '-q', '-p', prefix, '-e', `${prefix}/error.log`, '-c', conf],
    { encoding: 'utf8' },
  );
  if (test.status !== 0)
    throw new Error(`nginx -t failed for the static reference: ${test.stderr}`);
  const child = spawn(NGINX, ['-p', prefix, '-e', `${prefix}/error.log`, '-c', conf], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForUrl(url, 10_000);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(prefix, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGQUIT'); // graceful stop of the master and its workers
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** A free loopback port (the OS picks it; closed again right away). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
