import { timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';
import { getContent, getProduct } from '@/lib/content';
import { clientAddress } from '@/lib/security/client-address';
import { blockedForSeconds, retryAfterSeconds } from '@/lib/security/rate-limit';
import { BodyTooLargeError, readBody } from '@/lib/security/read-body';
import { isShopifySignature } from '@/lib/security/webhook-signature';
import { productCacheTag } from '@/lib/storefront';
import { MAX_BODY_BYTES } from '@/proxy';

function authorized(request: Request): boolean {
  const secret = process.env.REVALIDATE_SECRET;
  const given = request.headers.get('x-revalidate-secret');
  if (!secret || !given) return false;
  const [a, b] = [Buffer.from(secret), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Product data changed in the store: refresh that product's static pages now instead of at the next
 * timed revalidation. Two callers:
 * - Shopify's webhooks (products/update, inventory_items/update), signed with X-Shopify-Hmac-Sha256
 *   over the raw body with SHOPIFY_WEBHOOK_SECRET;
 * - anyone else with POST {"handle": "vitamin-d3-k2"} and header x-revalidate-secret: $REVALIDATE_SECRET.
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
  const signature = request.headers.get('x-shopify-hmac-sha256');
  if (signature !== null) return shopifyWebhook(request, signature, client);
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

/**
 * A webhook from Shopify: only a body signed with our secret is read. Shopify retries (and finally
 * drops the subscription) on any answer but 2xx, so a signed webhook that names no product of this
 * site is acknowledged and ignored rather than refused.
 */
async function shopifyWebhook(request: Request, signature: string, client: string) {
  let body: Buffer;
  try {
    body = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return Response.json({ error: error.message }, { status: 413 });
  }
  if (!isShopifySignature(body, signature, process.env.SHOPIFY_WEBHOOK_SECRET ?? '')) {
    await retryAfterSeconds('revalidateFailure', client);
    return Response.json(
      { error: 'X-Shopify-Hmac-Sha256 is not the signature of this body with the webhook secret.' },
      { status: 401 },
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return Response.json({ error: 'The webhook body is not JSON.' }, { status: 400 });
  }
  const topic = request.headers.get('x-shopify-topic') ?? '';
  const found = productOfWebhook(topic, payload);
  if ('ignored' in found) return Response.json(found);
  // Expired at once: the next visitor waits for the new price or stock instead of seeing the old one.
  revalidateTag(productCacheTag(found.handle), { expire: 0 });
  return Response.json({ revalidated: found.handle, topic });
}

/** The product of this site a webhook is about: by handle (products/…) or by a variant's SKU (inventory_items/…). */
function productOfWebhook(
  topic: string,
  payload: unknown,
): { handle: string } | { ignored: string } {
  const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as {
    handle?: unknown;
    sku?: unknown;
  };
  if (topic === 'products/update') {
    const handle = typeof fields.handle === 'string' ? fields.handle : '';
    return getProduct(handle)
      ? { handle }
      : { ignored: `No product with handle "${handle}" on this site.` };
  }
  if (topic === 'inventory_items/update') {
    const sku = typeof fields.sku === 'string' ? fields.sku : '';
    const product = getContent().products.find((candidate) =>
      candidate.variants.some((variant) => variant.sku === sku),
    );
    return product
      ? { handle: product.handle }
      : { ignored: `No variant with SKU "${sku}" on this site.` };
  }
  return {
    ignored: `Topic "${topic}" names no product this site can refresh; subscribe products/update and inventory_items/update.`,
  };
}
