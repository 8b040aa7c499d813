import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isShopifySignature } from '@/lib/security/webhook-signature';

const SECRET = 'whsec-test-0123456789';
const body = Buffer.from(
  JSON.stringify({ id: 1, handle: 'vitamin-d3-k2', title: 'Vitamin D3 + K2' }),
);
const sign = (bytes: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(bytes).digest('base64');

describe("Shopify's X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body", () => {
  it('accepts the signature of exactly these bytes', () => {
    expect(isShopifySignature(body, sign(body), SECRET)).toBe(true);
  });

  it('matches the published HMAC-SHA256 test vector, as base64 of the digest (not hex)', () => {
    const fox = Buffer.from('The quick brown fox jumps over the lazy dog');
    expect(isShopifySignature(fox, '97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=', 'key')).toBe(
      true,
    );
    const hex = 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8';
    expect(isShopifySignature(fox, hex, 'key')).toBe(false);
  });

  it('refuses a body changed by one byte, even re-serialised to the same JSON', () => {
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(isShopifySignature(reformatted, sign(body), SECRET)).toBe(false);
    const flipped = Buffer.from(body);
    flipped[5] = flipped[5]! ^ 1;
    expect(isShopifySignature(flipped, sign(body), SECRET)).toBe(false);
  });

  it('refuses a signature made with another secret, and any secret when none is configured', () => {
    expect(isShopifySignature(body, sign(body, 'another-secret'), SECRET)).toBe(false);
    expect(isShopifySignature(body, sign(body, ''), '')).toBe(false);
  });

  it('refuses malformed headers without throwing: empty, short, long, not base64', () => {
    const good = sign(body);
    for (const given of [
      '',
      'abc',
      good.slice(0, -2),
      `${good}AAAA`,
      good.replace(/[A-Z]/, '*'),
      ' ',
    ]) {
      expect(isShopifySignature(body, given, SECRET)).toBe(false);
    }
  });

  it('tolerates surrounding whitespace, as a proxy may leave it', () => {
    expect(isShopifySignature(body, ` ${sign(body)} `, SECRET)).toBe(true);
  });
});
