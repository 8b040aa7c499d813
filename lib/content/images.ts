import fs from 'node:fs';
import path from 'node:path';
import { sanitizeSvg } from './svg';

/** The file names content/images may use; anything else is never read or served. */
export const IMAGE_NAME = /^[a-z0-9][a-z0-9-]*\.svg$/;

function imagesDirectory(): string {
  return path.join(process.cwd(), 'content', 'images');
}

export function listImages(): string[] {
  return fs.readdirSync(imagesDirectory()).filter((name) => IMAGE_NAME.test(name));
}

/**
 * Only plain file names from content/images, so a request can never read outside it. The SVG is
 * served from the site's origin, where a script in it would run: it goes through the same sanitiser
 * as the inlined copy (the content check has refused such files already; this holds even if not).
 */
export function readImage(name: string): string | null {
  if (!IMAGE_NAME.test(name)) return null;
  const file = path.join(imagesDirectory(), name);
  return fs.existsSync(file) ? sanitizeSvg(fs.readFileSync(file, 'utf8')) : null;
}
