// The framework floor: an empty Next.js page built and served with the repo's own next, react and
// react-dom (resolved from the repo root's node_modules; this folder has none). `npm run bench` builds it
// with `next build bench/floor` and measures it next to the PDP in the same run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @type {import('next').NextConfig} */
const config = {
  // Build output next to the bench's other run files (bench/.runs/ is git- and lint-ignored).
  distDir: '../.runs/floor-next',
  // Turbopack only resolves modules inside its root: the repo root, where node_modules lives.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // As the app: no X-Powered-By header, so both answer the same headers.
  poweredByHeader: false,
};

export default config;
