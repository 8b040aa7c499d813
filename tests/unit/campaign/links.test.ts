import { describe, expect, it } from 'vitest';
import { linkProblemHtml } from '@/components/campaign/link-problem-html';
import {
  MAX_LINES_LENGTH,
  MAX_LINK_LINES,
  MAX_REDIRECT_LENGTH,
  parseCartLink,
  parseDiscountLink,
} from '@/lib/campaign/links';

const query = (text: string) => new URLSearchParams(text);

describe('cart permalinks: /cart/<variant>:<qty>,…?discount=CODE', () => {
  it("maps Shopify's numeric variant ids to variant GIDs, with their quantities and the code", () => {
    expect(parseCartLink('39876543210:2,39876543211:1', 'welcome10')).toEqual({
      ok: true,
      lines: [
        { merchandiseId: 'gid://shopify/ProductVariant/39876543210', quantity: 2 },
        { merchandiseId: 'gid://shopify/ProductVariant/39876543211', quantity: 1 },
      ],
      discountCodes: ['WELCOME10'],
    });
  });

  it('a variant without a quantity is one; the same variant twice is added up', () => {
    expect(parseCartLink('D3K2-60,D3K2-60:2', null)).toMatchObject({
      ok: true,
      lines: [{ merchandiseId: 'gid://shopify/ProductVariant/D3K2-60', quantity: 3 }],
      discountCodes: [],
    });
  });

  it('several codes, comma-separated, once each', () => {
    expect(parseCartLink('1:1', 'A1,b2,A1')).toMatchObject({ discountCodes: ['A1', 'B2'] });
  });

  it.each([
    ['', 'This cart link is not written correctly'],
    ['1:2:3', 'This cart link is not written correctly'],
    ['gid://shopify/ProductVariant/1:1', 'This cart link is not written correctly'],
    ['1:0', 'This cart link asks for a quantity the cart does not take'],
    ['1:100', 'This cart link asks for a quantity the cart does not take'],
    ['1:60,1:40', 'This cart link asks for a quantity the cart does not take'],
    ['1:1000', 'This cart link is not written correctly'],
    ['1:-1', 'This cart link is not written correctly'],
    ['<script>:1', 'This cart link is not written correctly'],
    [
      Array.from({ length: MAX_LINK_LINES + 1 }, (_, index) => `${index + 1}:1`).join(','),
      'This cart link has too many products',
    ],
  ])('refuses %j: %s', (segment, title) => {
    expect(parseCartLink(segment, null)).toMatchObject({ ok: false, status: 400, title });
  });

  it('an address longer than any campaign needs is 414, before it is split', () => {
    expect(parseCartLink('1'.repeat(MAX_LINES_LENGTH + 1), null)).toMatchObject({
      ok: false,
      status: 414,
    });
  });

  it.each([
    ['WELCOME 10', 'This discount code is not written correctly'],
    ['A'.repeat(65), 'This discount code is not written correctly'],
    ['A,B,C,D,E,F', 'This link has too many discount codes'],
  ])('refuses the code %j', (code, title) => {
    expect(parseCartLink('1:1', code)).toMatchObject({ ok: false, status: 400, title });
  });
});

describe('discount links: /discount/CODE?redirect=/products/…', () => {
  it('lands on the path given, keeping its own query and adding the utm_* parameters only', () => {
    expect(
      parseDiscountLink(
        'welcome10',
        query(
          'redirect=/products/vitamin-d3-k2?size=120&utm_source=newsletter&utm_campaign=dec&fbclid=x&ref=y',
        ),
      ),
    ).toEqual({
      ok: true,
      code: 'WELCOME10',
      landing: '/products/vitamin-d3-k2?size=120&utm_source=newsletter&utm_campaign=dec',
    });
  });

  it('without redirect it lands on the home page', () => {
    expect(parseDiscountLink('WELCOME10', query('utm_medium=email'))).toMatchObject({
      landing: '/?utm_medium=email',
    });
  });

  it('a utm parameter already in the landing path wins over the link’s', () => {
    expect(
      parseDiscountLink('WELCOME10', query('redirect=/%3Futm_source%3Da&utm_source=b')),
    ).toMatchObject({ landing: '/?utm_source=a' });
  });

  it.each([
    'https://evil.example/products/x',
    '//evil.example/products/x',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'products/vitamin-d3-k2',
    ' /products/vitamin-d3-k2',
  ])('refuses to land off this site: %j', (redirect) => {
    expect(
      parseDiscountLink('WELCOME10', query(`redirect=${encodeURIComponent(redirect)}`)),
    ).toMatchObject({
      ok: false,
      status: 400,
      title: 'This link points to another site',
    });
  });

  it.each(['/discount/OTHER', '/cart/1:1', '/api/health'])(
    'refuses to land on another link or the API: %s',
    (redirect) => {
      expect(parseDiscountLink('WELCOME10', query(`redirect=${redirect}`))).toMatchObject({
        ok: false,
        title: 'This link lands on another campaign link',
      });
    },
  );

  it('refuses codes and landings past their limits', () => {
    expect(parseDiscountLink('WELCOME 10', query(''))).toMatchObject({ ok: false, status: 400 });
    expect(parseDiscountLink('A,B', query(''))).toMatchObject({
      ok: false,
      title: 'This discount link has no code',
    });
    expect(
      parseDiscountLink('WELCOME10', query(`redirect=/${'a'.repeat(MAX_REDIRECT_LENGTH)}`)),
    ).toMatchObject({ ok: false, status: 414 });
    const utm = Array.from({ length: 11 }, (_, index) => `utm_${index}=x`).join('&');
    expect(parseDiscountLink('WELCOME10', query(utm))).toMatchObject({
      ok: false,
      title: 'This link carries too much campaign data',
    });
  });
});

describe('the page a refused link answers with', () => {
  it('is a whole document in which the store’s words and the landing are text, never markup', () => {
    const html = linkProblemHtml('Northfield Nutrition', {
      title: 'Discount code X could not be applied',
      message: 'The store did not accept this code for your cart:',
      details: ['<img src=x onerror=alert(1)> is not valid.'],
      next: { href: '/products/x?utm_source="a"', label: 'Continue to the store' },
    });
    expect(html).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8">/);
    expect(html).toContain(
      '<title>Discount code X could not be applied | Northfield Nutrition</title>',
    );
    expect(html).toContain('<li>&#x3C;img src=x onerror=alert(1)> is not valid.</li>');
    expect(html).toContain(
      '<a href="/products/x?utm_source=&#x22;a&#x22;">Continue to the store</a>',
    );
    expect(html).not.toContain('<img');
  });
});
