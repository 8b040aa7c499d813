import { timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';
import { getProduct } from '@/lib/content';
import { clientAddress } from '@/lib/security/client-address';
import { blockedForSeconds, retryAfterSeconds } from '@/lib/security/rate-limit';
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
  // Per address behind nginx (X-Real-IP); one shared count when Next is reached directly.
  const client = (await clientAddress()) ?? 'direct';
  const wait = await blockedForSeconds('revalidateFailure', client);
  if (wait)
    return Response.json(
      { error: `Too many wrong secrets; try again in ${wait} seconds.` },
      { status: 429, headers: { 'Retry-After': String(wait) } },
    );
  if (!authorized(request)) {
    await retryAfterSeconds('revalidateFailure', client);
    return Response.json({ error: 'Missing or wrong x-revalidate-secret.' }, { status: 401 });
  }
  const body = (await request.json().catch(() => null)) as { handle?: unknown } | null;
  const handle = typeof body?.handle === 'string' ? body.handle : '';
  if (!getProduct(handle))
    return Response.json(
      { error: `No product with handle "${handle}" in content/products.` },
      { status: 400 },
    );
  revalidateTag(productCacheTag(handle), 'max');
  // The tag reaches the pages built from Shopify's answers; the local store's carry no tag, and a
  // route pattern cannot name one product's pages, so every product's pages are refreshed.
  revalidatePath('/products/[handle]/[[...choice]]', 'page');
  return Response.json({ revalidated: handle });
}
