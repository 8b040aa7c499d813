import { timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';
import { getProduct } from '@/lib/content';
import { productCacheTag } from '@/lib/storefront';

function authorized(request: Request): boolean {
  const secret = process.env.REVALIDATE_SECRET;
  const given = request.headers.get('x-revalidate-secret');
  if (!secret || !given) return false;
  const [a, b] = [Buffer.from(secret), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Product data changed in the store (e.g. a Shopify products/update webhook relayed here): refresh
 * that product's static pages now instead of at the next timed revalidation.
 * POST {"handle": "vitamin-d3-k2"} with header x-revalidate-secret: $REVALIDATE_SECRET.
 */
export async function POST(request: Request): Promise<Response> {
  if (!authorized(request)) return Response.json({ error: 'Missing or wrong x-revalidate-secret.' }, { status: 401 });
  const body = (await request.json().catch(() => null)) as { handle?: unknown } | null;
  const handle = typeof body?.handle === 'string' ? body.handle : '';
  if (!getProduct(handle)) return Response.json({ error: `No product with handle "${handle}" in content/products.` }, { status: 400 });
  revalidateTag(productCacheTag(handle), 'max');
  revalidatePath(`/products/${handle}`);
  revalidatePath(`/products/${handle}/size/[size]`, 'page');
  return Response.json({ revalidated: handle });
}
