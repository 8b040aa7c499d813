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
      // `?size=120` picks a size and `?plan=30` a subscription (every 30 days); each choice is its own
      // static page, so the server answers with it and a link can preselect it.
      const size = { type: 'query' as const, key: 'size', value: '(?<size>\\d{1,4})' };
      const plan = { type: 'query' as const, key: 'plan', value: '(?<plan>\\d{1,3})' };
      return {
        beforeFiles: [
          { source: '/products/:handle', has: [size, plan], destination: '/products/:handle/size/:size/plan/:plan' },
          { source: '/products/:handle', has: [plan], destination: '/products/:handle/plan/:plan' },
          { source: '/products/:handle', has: [size], destination: '/products/:handle/size/:size' },
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
