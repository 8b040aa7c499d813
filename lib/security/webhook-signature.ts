import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `signature` (the X-Shopify-Hmac-Sha256 header) is Shopify's signature of exactly these
 * bytes: base64 of HMAC-SHA256 of the raw body with the webhook secret. Compared in constant time
 * over the decoded digest, so neither the content nor the length of a guess leaks anything.
 */
export function isShopifySignature(rawBody: Buffer, signature: string, secret: string): boolean {
  if (!secret || !/^[A-Za-z0-9+/]{43}=$/.test(signature.trim())) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
