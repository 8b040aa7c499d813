/**
 * The store's logo as a PNG for structured data. Google asks publishers for a logo URL it can index,
 * at least 112 px on each side; the site's own mark (app/icon.svg) is 32 units with no pixel size, so
 * app/publisher-logo.png/route.tsx draws that same file at this size once, at build time.
 */
export const PUBLISHER_LOGO = {
  path: '/publisher-logo.png',
  width: 512,
  height: 512,
} as const;
