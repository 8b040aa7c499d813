import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PHASE_DEVELOPMENT_SERVER,
  PHASE_PRODUCTION_BUILD,
  PHASE_PRODUCTION_SERVER,
} from 'next/constants';
import { describe, expect, it } from 'vitest';
import { assertReadyToScaleOut, scaleOutProblems } from '@/lib/scale-out';

const key = Buffer.alloc(32, 7).toString('base64');
const scaleOut = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
  NEXT_DEPLOYMENT_ID: 'abc123',
};

/** A .next directory as `next build` leaves it, for the parts the start checks. */
function builtWith(encryptionKey: string, deploymentId: string | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-dist-'));
  fs.mkdirSync(path.join(dir, 'server'));
  fs.writeFileSync(
    path.join(dir, 'server', 'server-reference-manifest.json'),
    JSON.stringify({ node: {}, edge: {}, encryptionKey }),
  );
  fs.writeFileSync(
    path.join(dir, 'required-server-files.json'),
    JSON.stringify({ version: 1, config: { deploymentId } }),
  );
  return dir;
}

describe('scale-out requirements', () => {
  it('asks nothing without REDIS_URL: `npm run serve` stays one command', () => {
    expect(scaleOutProblems(PHASE_PRODUCTION_BUILD, {})).toEqual([]);
    expect(scaleOutProblems(PHASE_PRODUCTION_SERVER, {}, builtWith('other', null))).toEqual([]);
    expect(() => assertReadyToScaleOut(PHASE_PRODUCTION_SERVER, {})).not.toThrow();
  });

  it('with REDIS_URL, a build and a start need the action key and the deployment id', () => {
    for (const phase of [PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER])
      expect(scaleOutProblems(phase, { REDIS_URL: 'redis://r:6379' })).toEqual([
        'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set.',
        'NEXT_DEPLOYMENT_ID is not set.',
      ]);
    expect(scaleOutProblems(PHASE_DEVELOPMENT_SERVER, { REDIS_URL: 'redis://r:6379' })).toEqual([]);
  });

  it('the error names every problem and how to fix it', () => {
    expect(() =>
      assertReadyToScaleOut(PHASE_PRODUCTION_BUILD, { REDIS_URL: 'redis://r:6379' }),
    ).toThrow(
      /REDIS_URL is set[^]*NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set[^]*NEXT_DEPLOYMENT_ID is not set[^]*openssl rand -base64 32/,
    );
  });

  it('refuses a key that is not an AES key and an id Next would refuse', () => {
    expect(
      scaleOutProblems(PHASE_PRODUCTION_BUILD, {
        ...scaleOut,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'secret',
        NEXT_DEPLOYMENT_ID: 'release 1.2',
      }),
    ).toEqual([
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64-encoded 16, 24 or 32-byte key.',
      'NEXT_DEPLOYMENT_ID may hold only letters, digits, "-" and "_" (64 at most).',
    ]);
    expect(scaleOutProblems(PHASE_PRODUCTION_BUILD, scaleOut)).toEqual([]);
  });

  it('at start, the build must have been made with the same key and deployment id', () => {
    expect(scaleOutProblems(PHASE_PRODUCTION_SERVER, scaleOut, builtWith(key, 'abc123'))).toEqual(
      [],
    );
    const made = scaleOutProblems(PHASE_PRODUCTION_SERVER, scaleOut, builtWith('other', null));
    expect(made).toEqual([
      'The build in .next was made with another NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (or none): build again with the key set.',
      'The build in .next was made with NEXT_DEPLOYMENT_ID unset, not "abc123": start with the id it was built with, or build again.',
    ]);
    expect(made.join(' ')).not.toContain(key);
  });
});
