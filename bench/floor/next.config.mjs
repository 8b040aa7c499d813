// The framework floor: an empty Next.js page built and served with the repo's own next, react and
// react-dom (resolved from the repo root's node_modules; this folder has none). `npm run bench` builds it
// with `next build bench/floor` and measures it next to the PDP in the same run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The app's response headers (lib/security/security-headers.ts), handed over by bench/run.ts, so the
 * floor is served as the PDP is and the two differ by their pages alone. It matters to the first
 * paint: Cross-Origin-Opener-Policy makes Chromium start a new renderer process for the page.
 */
const responseHeaders = JSON.parse(process.env.FLOOR_RESPONSE_HEADERS ?? '[]');

/** @type {import('next').NextConfig} */
const config = {
  // Build output next to the bench's other run files (bench/.runs/ is git- and lint-ignored).
  distDir: '../.runs/floor-next',
  // Turbopack only resolves modules inside its root: the repo root, where node_modules lives.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // As the app: no X-Powered-By header.
  poweredByHeader: false,
  async headers() {
    return responseHeaders.length > 0 ? [{ source: '/:path*', headers: responseHeaders }] : [];
  },
};

export default config;
