/**
 * Runs nginx (deploy/nginx/nginx.conf.template) in front of `next start`, unprivileged: the config is
 * rendered into a runtime directory that also holds the pid file, logs, temp files and cache.
 *
 *   const nginx = await startNginx({ listenPort: 8080, upstream: '127.0.0.1:3100' });
 *   ... fetch(nginx.url + '/products/vitamin-d3-k2') ...
 *   await nginx.stop();
 *
 * From a shell: `npx tsx deploy/nginx/start.ts --listen-port 8080 --upstream 127.0.0.1:3000` runs it in
 * the foreground; add `--print` to print the rendered config instead (production; see README.md).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface NginxOptions {
  /** The port nginx serves the store on (plain HTTP, or the redirect to HTTPS when `tls` is set). */
  listenPort: number;
  /** Where `next start` listens: "127.0.0.1:3100", "[::1]:3100" or "unix:/path/to.sock". */
  upstream: string;
  /** Config, pid, logs, temp files and cache live here. Default: a new directory in the OS temp dir, removed by stop(). */
  runtimeDir?: string;
  /** Address to bind: default 127.0.0.1 (loopback only). Production: 0.0.0.0 or [::]. */
  listenHost?: string;
  /** Host names served; any other Host gets 421 without reaching Next. Default: localhost and 127.0.0.1. */
  serverNames?: string[];
  /** POSTs per second per client address, and how many may come at once beyond that. Default 10/s, burst 30 (each page view with JavaScript posts once to load the cart). */
  postRateLimit?: { perSecond: number; burst: number };
  /** Terminate TLS here: the store is served on tls.port with HSTS, and listenPort redirects to it. */
  tls?: { port: number; certificate: string; certificateKey: string };
  /** `user` directive, only meaningful when nginx starts as root (production: "www-data"). */
  user?: string;
  /** Default "auto" (one worker per core). */
  workerProcesses?: number | 'auto';
  /** Path to the nginx binary. Default: /usr/sbin/nginx, else the first `nginx` on PATH. */
  nginxBinary?: string;
}

export interface RunningNginx {
  /** Base URL of the store, no trailing slash (the HTTPS one when `tls` is set). */
  url: string;
  /** The plain-HTTP URL on listenPort (the same as url without TLS). */
  httpUrl: string;
  runtimeDir: string;
  /** One JSON object per request (see log_format in the template). */
  accessLog: string;
  errorLog: string;
  stop(): Promise<void>;
}

export const DEFAULT_POST_RATE_LIMIT = { perSecond: 10, burst: 30 } as const;
const TEMPLATE = fileURLToPath(new URL('./nginx.conf.template', import.meta.url));
const SAFE_PATH = /^\/[A-Za-z0-9._\/-]*$/;
const HOST_NAME =
  /^(\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6_BRACKETED = /^\[[0-9A-Fa-f:.]{2,45}\]$/;

/** Where nginx is, or null. */
export function findNginx(explicit?: string): string | null {
  const candidates = explicit
    ? [explicit]
    : [
        '/usr/sbin/nginx',
        ...(process.env.PATH ?? '')
          .split(path.delimiter)
          .filter(Boolean)
          .map((dir) => path.join(dir, 'nginx')),
      ];
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** The config for these options. Throws on any value that is not what it claims to be (nothing is quoted into the config unchecked). */
export function renderNginxConfig(
  options: NginxOptions & { runtimeDir: string },
  template = fs.readFileSync(TEMPLATE, 'utf8'),
): string {
  const listenPort = port(options.listenPort, 'listenPort');
  const upstream = upstreamAddress(options.upstream);
  const runtimeDir = safePath(options.runtimeDir, 'runtimeDir');
  // The origin hop listens on runtimeDir/origin.sock; a unix socket path holds at most 107 bytes.
  if (`${runtimeDir}/origin.sock`.length > 100)
    throw new Error(
      `runtimeDir: "${runtimeDir}" is too long for a unix socket path inside it (at most 88 characters).`,
    );
  const host = listenHost(options.listenHost ?? '127.0.0.1');
  const serverNames = (options.serverNames ?? ['localhost', '127.0.0.1']).map((name) => {
    if (!HOST_NAME.test(name) && !IPV4.test(name))
      throw new Error(`serverNames: "${name}" is not a host name or IPv4 address.`);
    return name;
  });
  if (serverNames.length === 0) throw new Error('serverNames: give at least one host name.');
  const limit = options.postRateLimit ?? DEFAULT_POST_RATE_LIMIT;
  const perSecond = integer(limit.perSecond, 1, 100_000, 'postRateLimit.perSecond');
  const burst = integer(limit.burst, 0, 1_000_000, 'postRateLimit.burst');
  const workers = options.workerProcesses ?? 'auto';
  if (workers !== 'auto') integer(workers, 1, 256, 'workerProcesses');
  if (options.user !== undefined && !/^[a-z_][a-z0-9_-]{0,31}$/.test(options.user))
    throw new Error(`user: "${options.user}" is not a user name.`);

  const plain = `${host}:${listenPort}`;
  const indent = (lines: string[], depth: number) =>
    lines.map((line) => `${' '.repeat(depth)}${line}`).join('\n');
  let values: Record<string, string>;
  if (options.tls) {
    const tlsPort = port(options.tls.port, 'tls.port');
    if (tlsPort === listenPort) throw new Error('tls.port must differ from listenPort.');
    const certificate = existingFile(options.tls.certificate, 'tls.certificate');
    const certificateKey = existingFile(options.tls.certificateKey, 'tls.certificateKey');
    const secure = `${host}:${tlsPort}`;
    const httpsOrigin = tlsPort === 443 ? 'https://$host' : `https://$host:${tlsPort}`;
    values = {
      tls_http: indent(
        [
          '# TLS terminated here. HSTS is added to every HTTPS response (map $hsts above).',
          `ssl_certificate ${certificate};`,
          `ssl_certificate_key ${certificateKey};`,
          'ssl_protocols TLSv1.2 TLSv1.3;',
          'ssl_prefer_server_ciphers off;',
          'ssl_session_cache shared:tls:10m;',
          'ssl_session_timeout 1d;',
          'ssl_session_tickets off;',
        ],
        4,
      ),
      default_listen: indent(
        [`listen ${plain} default_server;`, `listen ${secure} ssl http2 default_server;`],
        8,
      ),
      redirect_server: indent(
        [
          '# Plain HTTP only redirects to HTTPS.',
          'server {',
          `    listen ${plain};`,
          `    server_name ${serverNames.join(' ')};`,
          `    return 308 ${httpsOrigin}$request_uri;`,
          '}',
        ],
        4,
      ),
      storefront_listen: indent([`listen ${secure} ssl http2;`], 8),
    };
  } else {
    values = {
      tls_http:
        '    # No TLS here (tests, bench, or TLS terminated by a load balancer in front: see README.md).',
      default_listen: indent([`listen ${plain} default_server;`], 8),
      redirect_server: '',
      storefront_listen: indent([`listen ${plain};`], 8),
    };
  }
  Object.assign(values, {
    user_directive: options.user
      ? `user ${options.user};`
      : '# no `user`: runs as whoever starts it (unprivileged)',
    worker_processes: String(workers),
    runtime_dir: runtimeDir,
    upstream,
    server_name: serverNames.join(' '),
    post_rate: String(perSecond),
    post_burst: String(burst),
  });

  const rendered = template.replace(/\{\{([a-z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx.conf.template: unknown placeholder ${whole}.`);
    return value;
  });
  if (rendered.includes('{{'))
    throw new Error('nginx.conf.template: a placeholder was left unfilled.');
  return rendered;
}

/** Renders the config, checks it with `nginx -t`, starts nginx in the foreground and waits until it accepts connections. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const binary = findNginx(options.nginxBinary);
  if (!binary) {
    throw new Error(
      `nginx not found (looked for ${options.nginxBinary ?? '/usr/sbin/nginx and nginx on PATH'}). Install it: sudo apt-get install nginx (node tests/setup/ensure-browser.mjs does this).`,
    );
  }
  const ownsRuntimeDir = options.runtimeDir === undefined;
  const runtimeDir = options.runtimeDir
    ? path.resolve(options.runtimeDir)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'storefront-nginx-'));
  const config = renderNginxConfig({ ...options, runtimeDir });
  fs.mkdirSync(runtimeDir, { recursive: true });
  // Started as root, nginx's workers run as another user and must be able to reach the cache and socket.
  if (process.getuid?.() === 0) fs.chmodSync(runtimeDir, 0o755);
  // Left behind by an nginx that did not stop cleanly, it would keep the origin hop from listening.
  fs.rmSync(path.join(runtimeDir, 'origin.sock'), { force: true });

  // A fresh cache every start: pages cached for another build of the app must not be served.
  fs.rmSync(path.join(runtimeDir, 'cache'), { recursive: true, force: true });
  for (const dir of [
    'logs',
    'cache/pages',
    'cache/static',
    'tmp/client_body',
    'tmp/proxy',
    'tmp/fastcgi',
    'tmp/uwsgi',
    'tmp/scgi',
  ]) {
    fs.mkdirSync(path.join(runtimeDir, dir), { recursive: true });
  }
  const configPath = path.join(runtimeDir, 'nginx.conf');
  const errorLog = path.join(runtimeDir, 'logs', 'error.log');
  const accessLog = path.join(runtimeDir, 'logs', 'access.log');
  fs.writeFileSync(configPath, config);
  const args = ['-p', `${runtimeDir}/`, '-c', configPath, '-e', errorLog];

  await new Promise<void>((resolve, reject) => {
    execFile(binary, [...args, '-t', '-q'], (error, _stdout, stderr) => {
      if (error) reject(new Error(`nginx -t rejected ${configPath}:\n${stderr || error.message}`));
      else resolve();
    });
  });

  const child = spawn(binary, [...args, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const host = listenHost(options.listenHost ?? '127.0.0.1');
  const connectHost =
    host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '::1' : host.replace(/^\[|\]$/g, '');
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host;
  const ports = options.tls ? [options.listenPort, options.tls.port] : [options.listenPort];
  try {
    for (const listening of ports)
      await waitForPort(connectHost, listening, child, () => `${stderr}${readTail(errorLog)}`);
  } catch (error) {
    await stopChild(child);
    process.removeListener('exit', killOnExit);
    throw error;
  }

  const httpUrl = `http://${urlHost}:${options.listenPort}`;
  const url = options.tls ? `https://${urlHost}:${options.tls.port}` : httpUrl;
  let stopping: Promise<void> | null = null;
  return {
    url,
    httpUrl,
    runtimeDir,
    accessLog,
    errorLog,
    stop() {
      stopping ??= (async () => {
        await stopChild(child);
        process.removeListener('exit', killOnExit);
        if (ownsRuntimeDir) fs.rmSync(runtimeDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** Graceful stop (SIGQUIT: finish what is in flight), then SIGTERM, then SIGKILL. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = (ms: number) =>
    Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
    ]);
  child.kill('SIGQUIT');
  if (await within(3000)) return;
  child.kill('SIGTERM');
  if (await within(2000)) return;
  child.kill('SIGKILL');
  await exited;
}

async function waitForPort(
  host: string,
  portNumber: number,
  child: ChildProcess,
  diagnostics: () => string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `nginx exited (${child.exitCode ?? child.signalCode}) before listening on ${host}:${portNumber}:\n${diagnostics()}`,
      );
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port: portNumber });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${host}:${portNumber} within 10 s:\n${diagnostics()}`);
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

function integer(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(
      `${name}: expected a whole number from ${min} to ${max}, got ${String(value)}.`,
    );
  return value;
}

function port(value: number, name: string): number {
  return integer(value, 1, 65535, name);
}

function safePath(value: string, name: string): string {
  const resolved = path.resolve(value);
  if (!SAFE_PATH.test(resolved))
    throw new Error(`${name}: "${value}" may only contain letters, digits, ".", "_", "-" and "/".`);
  return resolved.replace(/\/+$/, '') || '/';
}

function existingFile(value: string, name: string): string {
  const resolved = safePath(value, name);
  if (!fs.existsSync(resolved)) throw new Error(`${name}: ${resolved} does not exist.`);
  return resolved;
}

function listenHost(value: string): string {
  if (IPV4.test(value) || IPV6_BRACKETED.test(value)) return value;
  throw new Error(`listenHost: "${value}" is not an IPv4 address or a bracketed IPv6 address.`);
}

function upstreamAddress(value: string): string {
  if (value.startsWith('unix:')) return `unix:${safePath(value.slice(5), 'upstream socket')}`;
  const match = /^(.+):(\d{1,5})$/.exec(value);
  if (
    !match ||
    !(IPV4.test(match[1]!) || IPV6_BRACKETED.test(match[1]!) || HOST_NAME.test(match[1]!))
  ) {
    throw new Error(`upstream: "${value}" is not host:port (e.g. 127.0.0.1:3100) or unix:/path.`);
  }
  port(Number(match[2]), 'upstream port');
  return value;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      print: { type: 'boolean' },
      'listen-port': { type: 'string' },
      'listen-host': { type: 'string' },
      upstream: { type: 'string' },
      'runtime-dir': { type: 'string' },
      'server-name': { type: 'string', multiple: true },
      'tls-port': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      user: { type: 'string' },
    },
  });
  if (!values['listen-port'] || !values.upstream) {
    throw new Error(
      'Usage: tsx deploy/nginx/start.ts --listen-port 8080 --upstream 127.0.0.1:3000 [--runtime-dir DIR] [--listen-host 0.0.0.0] [--server-name shop.example ...] [--tls-port 443 --tls-cert F --tls-key F] [--user www-data] [--print]',
    );
  }
  const options: NginxOptions = {
    listenPort: Number(values['listen-port']),
    upstream: values.upstream,
    runtimeDir: values['runtime-dir'],
    listenHost: values['listen-host'],
    serverNames: values['server-name'],
    user: values.user,
    tls: values['tls-port']
      ? {
          port: Number(values['tls-port']),
          certificate: values['tls-cert'] ?? '',
          certificateKey: values['tls-key'] ?? '',
        }
      : undefined,
  };
  if (values.print) {
    process.stdout.write(
      renderNginxConfig({
        ...options,
        runtimeDir: options.runtimeDir ?? '/var/lib/storefront-nginx',
      }),
    );
    return;
  }
  const nginx = await startNginx(options);
  console.log(
    `nginx: ${nginx.url} -> ${options.upstream} (runtime dir ${nginx.runtimeDir}); Ctrl-C stops it.`,
  );
  const stop = () => void nginx.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
