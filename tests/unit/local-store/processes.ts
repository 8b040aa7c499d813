import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { catalog } from './fixture';
import type { WorkerReport, WorkerTask } from './store-worker';

const WORKER = fileURLToPath(new URL('./store-worker.ts', import.meta.url));

/**
 * Starts one process per task on the same data directory (as `next start` workers share one SQLite
 * file), lets them all open the store, then releases them at once.
 */
export async function inProcesses(dataDir: string, tasks: WorkerTask[]): Promise<WorkerReport[]> {
  const children = tasks.map((task) =>
    fork(WORKER, [JSON.stringify({ catalog, dataDir, task })], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    }),
  );
  await Promise.all(
    children.map((child) => new Promise((resolve) => child.once('message', resolve))),
  );
  const reports = children.map(
    (child) =>
      new Promise<WorkerReport>((resolve, reject) => {
        child.once('message', (report) => resolve(report as WorkerReport));
        child.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
      }),
  );
  for (const child of children) child.send('go');
  return Promise.all(reports);
}
