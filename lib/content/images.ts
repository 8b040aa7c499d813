import fs from 'node:fs';
import path from 'node:path';

const IMAGE_NAME = /^[a-z0-9][a-z0-9-]*\.svg$/;

function imagesDirectory(): string {
  return path.join(process.cwd(), 'content', 'images');
}

export function listImages(): string[] {
  return fs.readdirSync(imagesDirectory()).filter((name) => IMAGE_NAME.test(name));
}

/** Only plain file names from content/images, so a request can never read outside it. */
export function readImage(name: string): string | null {
  if (!IMAGE_NAME.test(name)) return null;
  const file = path.join(imagesDirectory(), name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}
