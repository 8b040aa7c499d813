import { fileURLToPath } from 'node:url';

const config = {
  plugins: {
    '@tailwindcss/postcss': {},
    // Tailwind's @property registrations as plain defaults, so the inlined CSS passes the Nu HTML
    // Checker (lib/css/at-property-defaults.cjs). An absolute path: the build resolves plugin names
    // from its own output folder.
    [fileURLToPath(new URL('./lib/css/at-property-defaults.cjs', import.meta.url))]: {},
  },
};

export default config;
