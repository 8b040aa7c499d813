import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { assertContentIsValid } from './lib/content/assert';
import { choiceRewrites } from './lib/product-choice';
import { assertReadyToScaleOut, redisUrl } from './lib/scale-out';
import { securityHeaders } from './lib/security/security-headers';
import type { NextConfig } from 'next';

export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD) {
    // Fail the build before anything renders, with every content problem listed by file and line.
    assertContentIsValid();
  }
  // At build and at `next start`: with REDIS_URL set, refuse to run without what several instances need.
  assertReadyToScaleOut(phase);
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ['better-sqlite3'],
    // Instances share one cache in Redis when REDIS_URL is set; otherwise Next's own, per process.
    ...(redisUrl() ? { cacheHandler: require.resolve('./lib/redis/cache-handler.mjs') } : {}),
    deploymentId: process.env.NEXT_DEPLOYMENT_ID?.trim() || undefined,
    // Cart forms carry a few short fields; anything larger is refused before it is parsed.
    // inlineCss: the stylesheet goes into each page's <head> instead of a render-blocking request
    // that waits a round trip behind the framework's scripts on a slow phone. Next also writes the
    // CSS twice into the RSC payload, so app/globals.css is kept small.
    experimental: { serverActions: { bodySizeLimit: '100kb' }, inlineCss: true },
    async rewrites() {
      return { beforeFiles: choiceRewrites(), afterFiles: [], fallback: [] };
    },
    async headers() {
      return [{ source: '/:path*', headers: securityHeaders }];
    },
  };
}
