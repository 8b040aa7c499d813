import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { assertContentIsValid } from './lib/content/assert';
import { securityHeaders } from './lib/http/security-headers';

export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD) {
    // Fail the build before anything renders, with every content problem listed by file and line.
    assertContentIsValid();
  }
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ['better-sqlite3'],
    async headers() {
      return [{ source: '/:path*', headers: securityHeaders }];
    },
  };
}
