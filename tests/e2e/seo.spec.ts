import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parse } from 'yaml';
import {
  onlineStoreSchema,
  schemaProblems,
  strikethroughPriceSchema,
} from '../support/merchant-policies-schema';
import { describeTests, passedFor, validateStructuredData } from '../support/structured-data';

const PDP = '/products/vitamin-d3-k2';

interface ArticleBlock {
  author?: { name: string };
  reviewedBy?: { name: string; credentials: string };
  datePublished?: string;
  lastReviewed?: string;
}

/**
 * The server runs on the real content, which may or may not name an author or reviewer (the shipped
 * file names none: its source names none). The expectations follow the file, so these tests stay true
 * either way; the builders are tested with both in tests/unit/storefront/structured-data.test.ts.
 */
function shippedArticle(): ArticleBlock | undefined {
  return (
    parse(fs.readFileSync('content/products/vitamin-d3-k2/product.yaml', 'utf8')) as {
      article?: ArticleBlock;
    }
  ).article;
}

async function serverHtml(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.ok()).toBe(true);
  return response.text();
}

function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
}

const meta = (html: string, attribute: 'name' | 'property', key: string) =>
  new RegExp(`<meta ${attribute}="${key.replace(/[:]/g, '\\$&')}" content="([^"]*)"`).exec(
    html,
  )?.[1];

test('the server HTML carries title, description, canonical, robots, Open Graph and Twitter tags', async ({
  request,
  baseURL,
}) => {
  const html = await serverHtml(request, PDP);
  expect(html).toMatch(/<html[^>]* lang="en"/);
  expect(html).toContain('<title>Vitamin D3 + K2 | Northfield Nutrition</title>');
  expect(meta(html, 'name', 'description')).toMatch(/^Vitamin D3 helps your body absorb calcium/);
  expect(html).toContain(`<link rel="canonical" href="${baseURL}${PDP}"/>`);
  expect(meta(html, 'name', 'robots')).toBe('index, follow');
  expect(meta(html, 'property', 'og:title')).toBe('Vitamin D3 + K2');
  expect(meta(html, 'property', 'og:url')).toBe(`${baseURL}${PDP}`);
  expect(meta(html, 'property', 'og:image')).toMatch(
    new RegExp(`^${baseURL}${PDP}/opengraph-image`),
  );
  expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
  // A size page is the same page: it points search engines at the product URL.
  expect(await serverHtml(request, `${PDP}?size=120`)).toContain(
    `<link rel="canonical" href="${baseURL}${PDP}"/>`,
  );
});

interface Variant {
  '@type': string;
  sku: string;
  size: string;
  url: string;
  offers: {
    '@type': string;
    price: string;
    priceCurrency: string;
    availability: string;
    url: string;
  };
}

test('JSON-LD: a ProductGroup whose size variants match the buy box, breadcrumbs, the page, and the article with its 55 sources', async ({
  request,
  page,
  baseURL,
}) => {
  const documents = jsonLd(await serverHtml(request, PDP));
  const article = shippedArticle();
  expect(documents.map((document) => document['@type'])).toEqual([
    'ProductGroup',
    'BreadcrumbList',
    article?.reviewedBy ? 'MedicalWebPage' : 'WebPage',
    'Article',
    'OnlineStore',
  ]);
  const group = documents[0] as {
    name: string;
    brand: { name: string };
    productGroupID: string;
    variesBy: string;
    url: string;
    hasVariant: Variant[];
  };
  expect(group).toMatchObject({
    name: 'Vitamin D3 + K2',
    brand: { name: 'Northfield Nutrition' },
    productGroupID: 'vitamin-d3-k2',
    variesBy: 'https://schema.org/size',
    url: `${baseURL}${PDP}`,
  });
  expect(
    group.hasVariant.map((variant) => [
      variant['@type'],
      variant.sku,
      variant.size,
      variant.url,
      variant.offers.url,
    ]),
  ).toEqual([
    ['Product', 'D3K2-60', '60 softgels', `${baseURL}${PDP}?size=60`, `${baseURL}${PDP}?size=60`],
    [
      'Product',
      'D3K2-120',
      '120 softgels',
      `${baseURL}${PDP}?size=120`,
      `${baseURL}${PDP}?size=120`,
    ],
  ]);
  expect(documents[1]).toMatchObject({
    itemListElement: [{ position: 1 }, { position: 2, name: 'Vitamin D3 + K2' }],
  });
  expect((documents[3] as { citation: unknown[] }).citation).toHaveLength(55);

  for (const { url, offers } of group.hasVariant) {
    // Each variant's URL is that size's own page, and its Offer is what the buy box there shows.
    await page.goto(url);
    const buyBox = page.getByRole('region', { name: 'Buy' });
    const shown = Number(
      (await buyBox.locator('p').first().textContent())!.replace(/[^0-9.]/g, ''),
    );
    expect(shown).toBe(Number(offers.price));
    expect(offers.priceCurrency).toBe('USD');
    const availability = await buyBox.getByTestId('availability').textContent();
    expect(offers.availability).toBe(
      /Sold out/.test(availability!)
        ? 'https://schema.org/OutOfStock'
        : 'https://schema.org/InStock',
    );
  }
});

test('JSON-LD: author, dates and reviewer appear exactly as product.yaml gives them, on the page and in the data', async ({
  request,
  page,
}) => {
  const article = shippedArticle();
  const documents = jsonLd(await serverHtml(request, PDP));
  const webPage = documents[2]!;
  const articleLd = documents[3]!;
  expect(articleLd.author ? (articleLd.author as { name: string }).name : undefined).toBe(
    article?.author?.name,
  );
  expect(articleLd.datePublished).toBe(article?.datePublished);
  expect(articleLd.dateModified).toBe(article?.lastReviewed);
  expect(webPage.lastReviewed).toBe(article?.lastReviewed);
  expect(webPage.reviewedBy ? (webPage.reviewedBy as { name: string }).name : undefined).toBe(
    article?.reviewedBy?.name,
  );

  await page.goto(PDP);
  const credits = page.getByTestId('article-credits');
  if (
    !article?.author &&
    !article?.reviewedBy &&
    !article?.datePublished &&
    !article?.lastReviewed
  ) {
    // Nobody is named in the content, so nobody is named on the page.
    await expect(credits).toHaveCount(0);
    await expect(page.getByText(/Reviewed by|Published /)).toHaveCount(0);
  } else {
    if (article.reviewedBy)
      await expect(credits).toContainText(
        `Reviewed by ${article.reviewedBy.name}, ${article.reviewedBy.credentials}`,
      );
    if (article.author) await expect(credits).toContainText(`By ${article.author.name}`);
  }
});

test('the publisher logo named in the article is a PNG Google can use (at least 112 px)', async ({
  request,
}) => {
  const articleLd = jsonLd(await serverHtml(request, PDP))[3] as {
    publisher: { name: string; logo: { url: string } };
  };
  expect(articleLd.publisher.name).toBe('Northfield Nutrition');
  const response = await request.get(articleLd.publisher.logo.url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  const body = await response.body();
  expect(body.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([512, 512]);
});

test('structured-data-testing-tool with the Google presets: no failures for the product variants, and for the article none beyond what product.yaml leaves out', async ({
  request,
}) => {
  const result = await validateStructuredData(await serverHtml(request, PDP));
  const article = shippedArticle();
  // Google's Article preset requires author and datePublished. They are published only when the
  // content states them (never made up), so without them these two, and only these, are reported.
  const leftOut = (['author', 'datePublished'] as const).filter((field) => !article?.[field]);
  expect(describeTests(result.failed)).toEqual(
    leftOut.map((field) => `Article[0].${field}: Could not find "Article[0].${field}"`),
  );
  expect(describeTests(result.failed, 'Product')).toEqual([]);
  expect(describeTests(result.failed, 'ProductGroup')).toEqual([]);
  // The checks ran: the group's 4, 11 for each of the two variants, and the article's 9 required ones
  // (type, headline, image, publisher type, name, logo and logo URL, author, datePublished).
  expect(passedFor(result, 'ProductGroup')).toBe(4);
  // 11 for each of the two variants, and 3 for the 120's compare-at (StrikethroughPrice) price.
  expect(passedFor(result, 'Product')).toBe(2 * 11 + 3);
  expect(passedFor(result, 'Article')).toBe(9 - leftOut.length);
  // The store's return policy (6), handling time and conditions (3), and 5 per shipping condition.
  expect(describeTests(result.failed, 'OnlineStore')).toEqual([]);
  expect(passedFor(result, 'OnlineStore')).toBe(6 + 3 + 2 * 5);
});

test('JSON-LD: the store declares its shipping and return policies once, as content/policies.yaml states them, and each Offer names the store as seller', async ({
  request,
  baseURL,
}) => {
  const documents = jsonLd(await serverHtml(request, PDP));
  const store = documents.find((document) => document['@type'] === 'OnlineStore')!;
  expect(schemaProblems(onlineStoreSchema, store)).toEqual([]);
  const policies = parse(fs.readFileSync('content/policies.yaml', 'utf8')) as {
    shipping: { rate: number; freeOver: number; countries: string[] };
    returns: { days: number; returnShipping: string };
  };
  expect(store).toMatchObject({
    '@id': `${baseURL}/#store`,
    hasMerchantReturnPolicy: {
      applicableCountry: policies.shipping.countries,
      merchantReturnDays: policies.returns.days,
      merchantReturnLink: `${baseURL}/policies/shipping-returns#returns`,
    },
  });
  const rates = (
    store.hasShippingService as {
      shippingConditions: Array<{ shippingRate: { value: number } }>;
    }
  ).shippingConditions.map((condition) => condition.shippingRate.value);
  expect(rates).toEqual([policies.shipping.rate, 0]);
  const group = documents[0] as {
    hasVariant: Array<{ offers: { seller: unknown; priceSpecification?: unknown } }>;
  };
  for (const variant of group.hasVariant)
    expect(variant.offers.seller).toMatchObject({ '@id': `${baseURL}/#store` });
  expect(
    schemaProblems(strikethroughPriceSchema, group.hasVariant[1]!.offers.priceSpecification),
  ).toEqual([]);
  // The page whose address the return policy gives exists and has the section.
  const policyPage = await serverHtml(request, '/policies/shipping-returns');
  expect(policyPage).toContain('id="returns"');
});

test('sitemap.xml lists every product from content/, robots.txt points at it', async ({
  request,
  baseURL,
}) => {
  const sitemap = await serverHtml(request, '/sitemap.xml');
  expect(sitemap).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\s*<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/,
  );
  const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(locations).toEqual(
    expect.arrayContaining([
      `${baseURL}/`,
      `${baseURL}${PDP}`,
      `${baseURL}/products/vitamin-d3`,
      `${baseURL}/policies/shipping-returns`,
    ]),
  );
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
  expect(body.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
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
    output = execFileSync(
      'java',
      ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--format', 'gnu', file],
      { encoding: 'utf8', stdio: 'pipe' },
    );
  } catch (error) {
    output = String((error as { stderr?: string }).stderr ?? error);
  }
  expect(output.trim()).toBe('');
});

test('product pages can be revalidated on demand when store data changes, only with the secret', async ({
  request,
}) => {
  expect(
    (await request.post('/api/revalidate', { data: { handle: 'vitamin-d3-k2' } })).status(),
  ).toBe(401);
  const headers = { 'x-revalidate-secret': 'e2e-revalidate-secret' };
  const unknown = await request.post('/api/revalidate', { headers, data: { handle: 'nope' } });
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toEqual({
    error: 'No product with handle "nope" in content/products.',
  });
  const ok = await request.post('/api/revalidate', { headers, data: { handle: 'vitamin-d3-k2' } });
  expect(await ok.json()).toEqual({ revalidated: 'vitamin-d3-k2' });
  expect((await request.get(PDP)).ok()).toBe(true);
});
