import { describe, expect, it } from 'vitest';
import { analyticsCspSources } from '@/lib/security/security-headers';

describe('the CSP sources the analytics need, for the nginx front', () => {
  it('local mode without a Tag Manager container adds nothing', () => {
    expect(analyticsCspSources({})).toEqual({ 'connect-src': [], 'img-src': [] });
  });

  it("Shopify mode adds Shopify's analytics and the checkout domain, nothing wider", () => {
    expect(
      analyticsCspSources({
        PUBLIC_STORE_DOMAIN: 'northfield.myshopify.com',
        PUBLIC_CHECKOUT_DOMAIN: 'checkout.northfield.example',
      }),
    ).toEqual({
      'connect-src': [
        'https://monorail-edge.shopifysvc.com',
        'https://checkout.northfield.example',
      ],
      'img-src': [],
    });
    expect(
      analyticsCspSources({ PUBLIC_STORE_DOMAIN: 'northfield.myshopify.com' })['connect-src'],
    ).toEqual(['https://monorail-edge.shopifysvc.com', 'https://northfield.myshopify.com']);
  });

  it("a Tag Manager container adds Google's GA4 hosts", () => {
    const sources = analyticsCspSources({ GTM_ID: 'GTM-ABC1234' });
    expect(sources['connect-src']).toEqual([
      'https://*.google-analytics.com',
      'https://*.analytics.google.com',
      'https://*.googletagmanager.com',
    ]);
    expect(sources['img-src']).toEqual([
      'https://*.google-analytics.com',
      'https://*.googletagmanager.com',
    ]);
  });
});
