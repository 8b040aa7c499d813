import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { assertContentIsValid } from './lib/content/assert';
import { securityHeaders } from './lib/security/security-headers';

export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD) {
    // Fail the build before anything renders, with every content problem listed by file and line.
    assertContentIsValid();
  }
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ['better-sqlite3'],
    // Cart forms carry a few short fields; anything larger is refused before it is parsed.
    experimental: { serverActions: { bodySizeLimit: '100kb' } },
    async rewrites() {
      // `?size=120` picks a size; each size is its own static page, so the server answers with it.
      return {
        beforeFiles: [
          {
            source: '/products/:handle',
            has: [{ type: 'query', key: 'size', value: '(?<size>\\d{1,4})' }],
            destination: '/products/:handle/size/:size',
          },
        ],
        afterFiles: [],
        fallback: [],
      };
    },
    async headers() {
      return [{ source: '/:path*', headers: securityHeaders }];
    },
  };
}
