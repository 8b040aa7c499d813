import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Playwright's own Chromium when it is installed; otherwise Debian's package; otherwise undefined. */
export function chromiumExecutable() {
  try {
    const { chromium } = require('playwright-core');
    const own = chromium.executablePath();
    if (own && fs.existsSync(own))
      return { path: undefined, source: `Playwright's Chromium (${own})` };
  } catch {
    // playwright-core missing or no browser registry entry: fall through
  }
  if (fs.existsSync(DEBIAN_CHROMIUM))
    return { path: DEBIAN_CHROMIUM, source: `Debian's Chromium (${DEBIAN_CHROMIUM})` };
  return null;
}
