import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { PUBLISHER_LOGO } from '@/lib/seo/publisher-logo';

export const dynamic = 'force-static';

/**
 * The publisher logo named in the article's JSON-LD: app/icon.svg (the one drawing of the mark) as a
 * PNG large enough for Google, made once at build time, nothing fetched.
 */
export function GET() {
  const svg = fs.readFileSync(path.join(process.cwd(), 'app', 'icon.svg'));
  const { width, height } = PUBLISHER_LOGO;
  return new ImageResponse(
    // next/og draws with satori, which takes a plain <img>; next/image does not apply here.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={`data:image/svg+xml;base64,${svg.toString('base64')}`} width={width} height={height} alt="" />,
    { width, height },
  );
}
