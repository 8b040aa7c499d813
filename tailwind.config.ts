import type { Config } from 'tailwindcss';

/** The store's design tokens; components use these names, never raw hex values. */
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        ink: { DEFAULT: '#1c2621', muted: '#46524b', subtle: '#5b6660' },
        paper: { DEFAULT: '#fbf8f1', raised: '#ffffff', sunk: '#f1ebdf' },
        line: { DEFAULT: '#ddd4c3', strong: '#b9ad97' },
        brand: { DEFAULT: '#1f5135', strong: '#163d27', soft: '#e3eee6' },
        accent: { DEFAULT: '#a24a0c', soft: '#fbeede' },
        danger: { DEFAULT: '#a1261b', soft: '#fbe9e7' },
      },
      fontFamily: {
        // system-ui before ui-sans-serif: the same font wherever ui-sans-serif exists (Safari, where both
        // are the system font), and browsers without it (Chrome, Firefox) no longer look up a missing
        // family first; in Chrome on Linux each such lookup is a synchronous call to the browser's
        // font service during the first layout.
        sans: [
          'system-ui',
          'ui-sans-serif',
          '-apple-system',
          '"Segoe UI"',
          'Roboto',
          '"Helvetica Neue"',
          'Arial',
          'sans-serif',
        ],
        serif: ['ui-serif', 'Georgia', 'Cambria', '"Times New Roman"', 'serif'],
      },
      spacing: {
        gutter: '1.25rem',
        section: '3.5rem',
      },
      maxWidth: {
        page: '76rem',
        prose: '42rem',
      },
      borderRadius: {
        card: '0.875rem',
      },
    },
  },
} satisfies Config;
