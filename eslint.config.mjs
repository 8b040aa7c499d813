import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import importPlugin from 'eslint-plugin-import';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // Pages are static and linked with plain <a>: next/link's client router would add first-load JS
    // to every page for prefetching we do not want.
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: true, node: true } },
    rules: {
      'import/no-cycle': 'error',
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index'], 'type'],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.runs/**',
      'bench/floor/.next/**',
      'next-env.d.ts',
      'lib/storefront/storefrontapi.generated.d.ts',
    ],
  },
];

export default config;
