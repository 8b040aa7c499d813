import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // Pages are static and linked with plain <a>: next/link's client router would add ~3 kB of
    // first-load JS to every page for prefetching we do not want (measured in bench/).
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'bench/.runs/**', 'bench/floor/.next/**', 'next-env.d.ts'] },
];

export default config;
