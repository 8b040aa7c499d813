import { listImages, readImage } from '@/lib/content/images';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return listImages().map((file) => ({ file }));
}

/** Serves the product illustrations marketers keep in content/images, cached for a year. */
export async function GET(_request: Request, { params }: RouteContext<'/images/[file]'>) {
  const { file } = await params;
  const svg = readImage(file);
  if (svg === null) return new Response('Not found', { status: 404 });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
