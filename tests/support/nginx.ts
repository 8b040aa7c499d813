/**
 * nginx for the tests and the bench: deploy/nginx rendered with envsubst into a temp dir, nginx run
 * there unprivileged in the foreground, stopped at the end.
 *
 *   const nginx = await startNginx({ upstreams: [3100, 3101] });
 *   await fetch(`${nginx.url}/products/vitamin-d3-k2`);
 *   await nginx.stop();
 *
 * Any config that keeps the same conventions (pid file and logs/ under NGINX_RUNTIME_DIR) runs with
 * renderConfig and runNginx: the bench's static reference does.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyticsCspSources } from '@/lib/security/security-headers';

export const DEPLOY_DIR = fileURLToPath(new URL('../../deploy/nginx/', import.meta.url));

/** The limit on POSTs per client address the tests and the bench run with (production sets its own). */
export const POST_LIMIT = { perSecond: 10, burst: 30 } as const;

export interface NginxOptions {
  /** The app instances: ports on 127.0.0.1, or host:port. One upstream `server` line each. */
  upstreams: Array<number | string>;
  /** Default: testPort(). */
  listenPort?: number;
  /** Host names served; any other Host gets 421. */
  serverNames?: string[];
  postLimit?: { perSecond: number; burst: number };
  /** How long an instance that failed is left alone (upstream `fail_timeout`). */
  failTimeout?: string;
  /** Terminate TLS on `port` (edge-https.conf); listenPort then only redirects to it. */
  tls?: { port: number; certificate: string; certificateKey: string };
  /** What the CSP adds for the analytics configured (analyticsCspSources); none by default. */
  cspSources?: AnalyticsCspSources;
  /** The nginx variable forwarded as X-Visitor-Country, e.g. `$http_cf_ipcountry`; none by default. */
  visitorCountry?: string;
  nginxBinary?: string;
}

export interface RunningNginx {
  /** Base URL of the store (the HTTPS one with `tls`). */
  url: string;
  /** The plain-HTTP URL on listenPort. */
  httpUrl: string;
  runtimeDir: string;
  /** One JSON object per request (log_format in nginx.conf). */
  accessLog: string;
  errorLog: string;
  /** The instances, as rolling-restart.sh edits them. */
  upstreamConf: string;
  pidFile: string;
  stop(): Promise<void>;
}

/** The storefront's nginx in front of these instances, in a new temp dir that stop() removes. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const binary = requireNginx(options.nginxBinary);
  const runtimeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storefront-nginx-'));
  const listenPort = options.listenPort ?? (await testPort());
  const limit = options.postLimit ?? POST_LIMIT;
  const confDir = path.join(runtimeDir, 'conf');
  renderConfig(DEPLOY_DIR, confDir, {
    NGINX_RUNTIME_DIR: runtimeDir,
    NGINX_EDGE: options.tls ? 'edge-https.conf' : 'edge-http.conf',
    NGINX_LISTEN_ADDRESS: '127.0.0.1',
    NGINX_HTTP_PORT: String(listenPort),
    NGINX_HTTPS_PORT: String(options.tls?.port ?? ''),
    NGINX_TLS_CERTIFICATE: options.tls?.certificate ?? '',
    NGINX_TLS_CERTIFICATE_KEY: options.tls?.certificateKey ?? '',
    NGINX_SERVER_NAMES: (options.serverNames ?? ['localhost', '127.0.0.1']).join(' '),
    NGINX_POST_RATE: String(limit.perSecond),
    NGINX_POST_BURST: String(limit.burst),
    NGINX_CSP_CONNECT_SRC: options.cspSources?.['connect-src'].join(' ') ?? '',
    NGINX_CSP_IMG_SRC: options.cspSources?.['img-src'].join(' ') ?? '',
    NGINX_VISITOR_COUNTRY: options.visitorCountry ?? '',
  });
  // In place of the shipped example, with its health-check parameters.
  const upstreamConf = path.join(confDir, 'upstream.conf');
  fs.writeFileSync(
    upstreamConf,
    options.upstreams
      .map((upstream) => (typeof upstream === 'number' ? `127.0.0.1:${upstream}` : upstream))
      .map(
        (address) =>
          `server ${address} max_fails=1 fail_timeout=${options.failTimeout ?? '10s'};\n`,
      )
      .join(''),
  );
  let nginx: NginxProcess;
  try {
    nginx = await runNginx(runtimeDir, path.join(confDir, 'nginx.conf'), binary);
  } catch (error) {
    fs.rmSync(runtimeDir, { recursive: true, force: true });
    throw error;
  }
  const httpUrl = `http://127.0.0.1:${listenPort}`;
  return {
    url: options.tls ? `https://127.0.0.1:${options.tls.port}` : httpUrl,
    httpUrl,
    runtimeDir,
    accessLog: path.join(runtimeDir, 'logs', 'access.log'),
    errorLog: path.join(runtimeDir, 'logs', 'error.log'),
    upstreamConf,
    pidFile: path.join(runtimeDir, 'nginx.pid'),
    async stop() {
      await nginx.stop();
      fs.rmSync(runtimeDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every `.conf` file of `sourceDir` through envsubst, which replaces exactly these variables and
 * leaves nginx's own `$host` and the like alone, into `confDir`.
 */
export function renderConfig(
  sourceDir: string,
  confDir: string,
  variables: Record<string, string>,
): void {
  fs.mkdirSync(confDir, { recursive: true });
  const shellFormat = Object.keys(variables)
    .map((name) => `\${${name}}`)
    .join(' ');
  for (const file of fs.readdirSync(sourceDir).filter((name) => name.endsWith('.conf'))) {
    const rendered = envsubst(fs.readFileSync(path.join(sourceDir, file), 'utf8'), shellFormat, {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...variables,
    });
    const unset = /\$\{[A-Z][A-Z0-9_]*\}/.exec(rendered);
    if (unset) throw new Error(`${path.join(sourceDir, file)}: ${unset[0]} was given no value.`);
    fs.writeFileSync(path.join(confDir, file), rendered);
  }
}

/** `nginx -t` on a rendered config; throws with nginx's own words. */
export function testConfig(runtimeDir: string, conf: string, binary = requireNginx()): void {
  makeRuntimeDirs(runtimeDir);
  try {
    execFileSync(binary, ['-t', '-q', ...nginxArgs(runtimeDir, conf)], { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`nginx -t rejected ${conf}:\n${stderr}`);
  }
}

export interface NginxProcess {
  pid: number;
  /** Graceful (SIGQUIT: in-flight requests finish), then fast (SIGTERM) after 3 s. */
  stop(): Promise<void>;
}

/** nginx in the foreground; resolves once it has written its pid file, when its ports are bound. */
export async function runNginx(
  runtimeDir: string,
  conf: string,
  binary = requireNginx(),
): Promise<NginxProcess> {
  makeRuntimeDirs(runtimeDir);
  const pidFile = path.join(runtimeDir, 'nginx.pid');
  const child = spawn(binary, [...nginxArgs(runtimeDir, conf), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGQUIT');
    const fast = setTimeout(() => child.kill('SIGTERM'), 3000);
    await exited;
    clearTimeout(fast);
  };

  const deadline = Date.now() + 10_000;
  while (!fs.existsSync(pidFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      const log = readIfExists(path.join(runtimeDir, 'logs', 'error.log'));
      throw new Error(`nginx did not start with ${conf}:\n${stderr}${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { pid: child.pid!, stop };
}

/** Where nginx is (NGINX_BIN, /usr/sbin/nginx, or on PATH), or null. */
export function findNginx(explicit = process.env.NGINX_BIN): string | null {
  const candidates = explicit
    ? [explicit]
    : ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((dir) => `${dir}/nginx`)];
  return candidates.find((file) => isExecutable(file)) ?? null;
}

/**
 * A port for a test server. With TEST_PORTS ("41040-41049") from that range, so checkouts sharing
 * a machine each stay in their own; Playwright's two workers take one half each. Else one the OS
 * says is free.
 */
export async function testPort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.TEST_PORTS ?? '');
  if (!range) return osFreePort();
  const half = Math.floor((Number(range[2]) - Number(range[1]) + 1) / 2);
  const first = Number(range[1]) + (Number(process.env.TEST_PARALLEL_INDEX ?? 0) % 2) * half;
  for (let tried = 0; tried < half; tried++) {
    const port = first + (nextPort++ % half);
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port left in ${first}-${first + half - 1} (TEST_PORTS).`);
}

let nextPort = 0;

function requireNginx(explicit?: string): string {
  const binary = findNginx(explicit);
  if (!binary)
    throw new Error(
      `nginx not found (looked for ${explicit ?? '/usr/sbin/nginx and nginx on PATH'}). Install it: sudo apt-get install nginx (node tests/setup/ensure-browser.mjs does this).`,
    );
  return binary;
}

function envsubst(text: string, shellFormat: string, env: Record<string, string>): string {
  try {
    return execFileSync('envsubst', [shellFormat], {
      input: text,
      env: env as NodeJS.ProcessEnv,
      encoding: 'utf8',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        'envsubst not found. Install it: sudo apt-get install gettext-base (node tests/setup/ensure-browser.mjs does this).',
      );
    throw error;
  }
}

function nginxArgs(runtimeDir: string, conf: string): string[] {
  return ['-p', `${runtimeDir}/`, '-c', conf, '-e', path.join(runtimeDir, 'logs', 'error.log')];
}

/** nginx creates its temp and cache directories, but not their parents. */
function makeRuntimeDirs(runtimeDir: string): void {
  for (const dir of ['logs', 'tmp', 'cache'])
    fs.mkdirSync(path.join(runtimeDir, dir), { recursive: true });
  // Started as root, nginx's workers run as another user and must reach the cache and the socket.
  if (process.getuid?.() === 0) fs.chmodSync(runtimeDir, 0o755);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-4000) : '';
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function osFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
