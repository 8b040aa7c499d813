import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  pid: number;
  /** LOCAL_STORE_DATA_DIR of this server (the storefront's SQLite file lives there). */
  dataDir: string;
  stop: () => Promise<void>;
}

const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

/** `next build [dir]` with the repo's own next; `dir` is relative to the repo root (the floor: bench/floor). */
export function buildNext(dir?: string, env: Record<string, string> = {}): number {
  const start = Date.now();
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build', ...(dir ? [dir] : [])], {
    stdio: 'inherit',
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`next build ${dir ?? ''} failed`);
  return Math.round((Date.now() - start) / 100) / 10;
}

/**
 * `next start [dir]` on loopback, spawned with node directly (no npm in between), so the pid is the
 * server's own (`next start` serves in the process it starts in) and its RSS can be read.
 */
export async function startNextServer(
  port: number,
  options: { dir?: string; dataDir?: string } = {},
): Promise<RunningServer> {
  // The floor (a `dir`) has no store; the storefront gets a fresh one unless told which.
  const dataDir =
    options.dataDir ?? (options.dir ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-bench-')));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      NEXT_BIN,
      'start',
      ...(options.dir ? [options.dir] : []),
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...(dataDir ? { LOCAL_STORE_DATA_DIR: dataDir } : {}),
        SITE_URL: url,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`next start ${options.dir ?? ''} exited with code ${code}`)),
    ),
  );
  exited.catch(() => {});
  await Promise.race([waitForUrl(`${url}/`, 60_000), exited]);
  return { url, pid: child.pid!, dataDir, stop: () => stop(child) };
}

export async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Resident memory of a process, from /proc (Linux). */
export function residentMemoryMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kib ? Math.round(Number(kib) / 1024) : null;
  } catch {
    return null;
  }
}
