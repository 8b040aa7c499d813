import fs from 'node:fs';
import path from 'node:path';
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';

type Environment = Record<string, string | undefined>;

/**
 * Scale-out is switched on by REDIS_URL: it is what lets several instances share their cache and
 * limits, and an instance without it cannot be one of several. With REDIS_URL set, a production
 * build and `next start` also need what makes every instance (and the next deployment) agree:
 * - NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, set at build time: Next salts the Server Action ids with it and
 *   encrypts their bound arguments with it, so without a fixed key a page rendered by one build posts
 *   to actions another build does not know ("Failed to find Server Action").
 * - NEXT_DEPLOYMENT_ID (Next's own variable; it names the assets with `?dpl=`), so a browser holding a
 *   page of one deployment reloads instead of loading another deployment's scripts, and so that
 *   cache entries of one deployment are never served by another.
 * Both must be the same at build and at start; the start checks them against the build.
 */
export function redisUrl(env: Environment = process.env): string | undefined {
  return env.REDIS_URL?.trim() || undefined;
}

const KEY_BYTES = [16, 24, 32];
const HOW_TO =
  'Generate the key once with `openssl rand -base64 32` and keep it for every build; set ' +
  'NEXT_DEPLOYMENT_ID to something unique per build, e.g. `git rev-parse --short HEAD` ' +
  '(letters, digits, "-" and "_"). Set both for `next build` and for `next start` (see "Scaling out" ' +
  'in the README).';

/** What is missing or inconsistent for scale-out in this phase; empty when all is well. */
export function scaleOutProblems(
  phase: string,
  env: Environment = process.env,
  distDir = path.resolve('.next'),
): string[] {
  if (!redisUrl(env)) return [];
  if (phase !== PHASE_PRODUCTION_BUILD && phase !== PHASE_PRODUCTION_SERVER) return [];
  const problems: string[] = [];
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  const deploymentId = env.NEXT_DEPLOYMENT_ID?.trim();
  if (!key) problems.push('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set.');
  else if (!isAesKey(key))
    problems.push(
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64-encoded 16, 24 or 32-byte key.',
    );
  if (!deploymentId) problems.push('NEXT_DEPLOYMENT_ID is not set.');
  else if (!/^[A-Za-z0-9_-]{1,64}$/.test(deploymentId))
    problems.push('NEXT_DEPLOYMENT_ID may hold only letters, digits, "-" and "_" (64 at most).');
  if (phase === PHASE_PRODUCTION_SERVER && problems.length === 0)
    problems.push(...differencesFromBuild(distDir, key!, deploymentId!));
  return problems;
}

/** Throws one error listing every problem, before Next builds or serves anything. */
export function assertReadyToScaleOut(phase: string, env: Environment = process.env): void {
  const problems = scaleOutProblems(phase, env);
  if (problems.length === 0) return;
  throw new Error(
    `REDIS_URL is set, so this build may run as several instances, which needs:\n` +
      problems.map((problem) => `  - ${problem}`).join('\n') +
      `\n${HOW_TO}`,
  );
}

function isAesKey(key: string): boolean {
  return (
    /^[A-Za-z0-9+/]+={0,2}$/.test(key) && KEY_BYTES.includes(Buffer.from(key, 'base64').length)
  );
}

/** The build being started must have been made with the key and deployment id set now. */
function differencesFromBuild(distDir: string, key: string, deploymentId: string): string[] {
  const manifest = readJson(path.join(distDir, 'server', 'server-reference-manifest.json')) as {
    encryptionKey?: string;
  } | null;
  const serverFiles = readJson(path.join(distDir, 'required-server-files.json')) as {
    config?: { deploymentId?: string | null };
  } | null;
  const differences: string[] = [];
  if (manifest && manifest.encryptionKey !== key)
    differences.push(
      'The build in .next was made with another NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (or none): ' +
        'build again with the key set.',
    );
  const built = serverFiles?.config?.deploymentId ?? undefined;
  if (serverFiles && built !== deploymentId)
    differences.push(
      `The build in .next was made with NEXT_DEPLOYMENT_ID ${built ? `"${built}"` : 'unset'}, not ` +
        `"${deploymentId}": start with the id it was built with, or build again.`,
    );
  return differences;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // No build there: `next start` says so itself.
    return null;
  }
}
