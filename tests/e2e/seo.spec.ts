import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';

const PDP = '/products/vitamin-d3-k2';

async function serverHtml(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.ok()).toBe(true);
  return response.text();
}

function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
}

const meta = (html: string, attribute: 'name' | 'property', key: string) =>
  new RegExp(`<meta ${attribute}="${key.replace(/[:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

test('the server HTML carries title, description, canonical, robots, Open Graph and Twitter tags', async ({ request, baseURL }) => {
  const html = await serverHtml(request, PDP);
  expect(html).toMatch(/<html lang="en"/);
  expect(html).toContain('<title>Vitamin D3 + K2 | Northfield Nutrition</title>');
  expect(meta(html, 'name', 'description')).toMatch(/^Vitamin D3 helps your body absorb calcium/);
  expect(html).toContain(`<link rel="canonical" href="${baseURL}${PDP}"/>`);
  expect(meta(html, 'name', 'robots')).toBe('index, follow');
  expect(meta(html, 'property', 'og:title')).toBe('Vitamin D3 + K2');
  expect(meta(html, 'property', 'og:url')).toBe(`${baseURL}${PDP}`);
  expect(meta(html, 'property', 'og:image')).toMatch(new RegExp(`^${baseURL}${PDP}/opengraph-image`));
  expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
  // A size page is the same page: it points search engines at the product URL.
  expect(await serverHtml(request, `${PDP}?size=120`)).toContain(`<link rel="canonical" href="${baseURL}${PDP}"/>`);
});

test('JSON-LD: Product with an Offer per size matching the buy box, breadcrumbs, and the article with its 55 sources', async ({ request, page }) => {
  const documents = jsonLd(await serverHtml(request, PDP));
  const product = documents.find((document) => document['@type'] === 'Product') as {
    name: string;
    image: string[];
    brand: { name: string };
    sku: string;
    offers: Array<{ sku: string; price: string; priceCurrency: string; availability: string; url: string }>;
  };
  expect(product).toMatchObject({ name: 'Vitamin D3 + K2', brand: { name: 'Northfield Nutrition' }, sku: 'D3K2-60' });
  expect(product.image[0]).toMatch(/^https?:\/\/.+\.svg$/);
  expect(product.offers).toHaveLength(2);
  expect(documents.find((document) => document['@type'] === 'BreadcrumbList')).toMatchObject({ itemListElement: [{ position: 1 }, { position: 2, name: 'Vitamin D3 + K2' }] });
  expect((documents.find((document) => document['@type'] === 'Article') as { citation: unknown[] }).citation).toHaveLength(55);

  for (const offer of product.offers) {
    await page.goto(offer.url);
    const buyBox = page.getByRole('region', { name: 'Buy' });
    const shown = Number((await buyBox.locator('p').first().textContent())!.replace(/[^0-9.]/g, ''));
    expect(shown).toBe(Number(offer.price));
    expect(offer.priceCurrency).toBe('USD');
    const availability = await buyBox.getByTestId('availability').textContent();
    expect(offer.availability).toBe(/Sold out/.test(availability!) ? 'https://schema.org/OutOfStock' : 'https://schema.org/InStock');
  }
});

test('sitemap.xml lists every product from content/, robots.txt points at it', async ({ request, baseURL }) => {
  const sitemap = await serverHtml(request, '/sitemap.xml');
  expect(sitemap).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/);
  const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(locations).toEqual(expect.arrayContaining([`${baseURL}/`, `${baseURL}${PDP}`, `${baseURL}/products/vitamin-d3`]));
  const robots = await serverHtml(request, '/robots.txt');
  expect(robots).toContain('User-Agent: *');
  expect(robots).toContain('Disallow: /cart');
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('the Open Graph image is a PNG drawn without the internet', async ({ request }) => {
  const response = await request.get(`${PDP}/opengraph-image`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  const body = await response.body();
  expect(body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(body.readUInt32BE(16)).toBe(1200);
});

test('pages that are not for search engines say noindex', async ({ request }) => {
  for (const url of ['/cart', '/checkout', '/no-such-page']) {
    const response = await request.get(url);
    expect(await response.text(), url).toMatch(/<meta name="robots" content="noindex/);
  }
});

test('the PDP HTML passes the Nu HTML Checker with no errors', async ({ request }) => {
  const file = path.join(os.tmpdir(), `pdp-${process.pid}.html`);
  fs.writeFileSync(file, await serverHtml(request, PDP));
  let output = '';
  try {
    output = execFileSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--format', 'gnu', file], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = String((error as { stderr?: string }).stderr ?? error);
  }
  expect(output.trim()).toBe('');
});

test('product pages can be revalidated on demand when store data changes, only with the secret', async ({ request }) => {
  expect((await request.post('/api/revalidate', { data: { handle: 'vitamin-d3-k2' } })).status()).toBe(401);
  const headers = { 'x-revalidate-secret': 'e2e-revalidate-secret' };
  const unknown = await request.post('/api/revalidate', { headers, data: { handle: 'nope' } });
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toEqual({ error: 'No product with handle "nope" in content/products.' });
  const ok = await request.post('/api/revalidate', { headers, data: { handle: 'vitamin-d3-k2' } });
  expect(await ok.json()).toEqual({ revalidated: 'vitamin-d3-k2' });
  expect((await request.get(PDP)).ok()).toBe(true);
});
