import { createHmac } from 'node:crypto';
import { expect as baseExpect, test, type Page, type Request } from '@playwright/test';
import { analyticsCspSources } from '@/lib/security/security-headers';
import { testPort } from '../support/nginx';
import {
  ecommerceOf,
  hidePage,
  PDP,
  recordDataLayer,
  slowClick,
  turnOnGpc,
} from './support/analytics';
import { startShopifyModeServer } from './support/shopify-mode-server';
import { startStorefrontStandIn } from './support/shopify-stand-in';

// The consent code loads when the browser is idle, then asks the server: on a loaded machine that
// takes seconds, so each wait here may take longer than the suite's default.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * Shopify's analytics, the Tag Manager container, signed webhooks and the vitals log, against the
 * suite's build served in Shopify mode (tests/e2e/support/shopify-mode-server.ts). Shopify's and
 * Google's hosts are intercepted: nothing reaches the internet.
 */
const WEBHOOK_SECRET = 'e2e-shopify-webhook-secret';
const REVALIDATE_SECRET = 'e2e-revalidate-secret';
/** The configuration for a Shopify-mode server on `port` against a stand-in store on `storePort`. */
const shopifyEnv = (port: number, storePort: number) => ({
  PUBLIC_STORE_DOMAIN: `http://127.0.0.1:${storePort}`,
  PUBLIC_STOREFRONT_API_TOKEN: 'e2epublictoken000000000000000000',
  PUBLIC_CHECKOUT_DOMAIN: 'checkout.northfield.example',
  SITE_URL: `http://127.0.0.1:${port}`,
  GTM_ID: 'GTM-E2ETEST',
  SHOPIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
  REVALIDATE_SECRET,
});
const MONORAIL = 'https://monorail-edge.shopifysvc.com';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let ENV: ReturnType<typeof shopifyEnv>;
let standIn: Awaited<ReturnType<typeof startStorefrontStandIn>>;
let server: Awaited<ReturnType<typeof startShopifyModeServer>>;
let shopNumber: number;
/** A path on the Shopify-mode server. */
const at = (path: string) => `${ENV.SITE_URL}${path}`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const [port, storePort] = [await testPort(), await testPort()];
  ENV = shopifyEnv(port, storePort);
  standIn = await startStorefrontStandIn(storePort, ENV.SITE_URL);
  server = await startShopifyModeServer(port, ENV);
  const answer = (await standIn.execute('{ shop { id } }')) as { data: { shop: { id: string } } };
  shopNumber = Number(answer.data.shop.id.split('/').pop());
});

test.afterAll(() => {
  server?.stop();
  standIn?.close();
});

interface MonorailEvent {
  schema_id: string;
  payload: Record<string, unknown>;
}

/** Shopify's, Google's and any other outside host, intercepted; what the page sent, kept. */
async function interceptOutside(page: Page) {
  const outside: Request[] = [];
  const monorail: MonorailEvent[] = [];
  await page.route(
    (url) => !url.hostname.startsWith('127.0.0.1'),
    async (route) => {
      const request = route.request();
      outside.push(request);
      const { origin } = new URL(request.url());
      if (origin === MONORAIL) {
        monorail.push(...(request.postDataJSON() as { events: MonorailEvent[] }).events);
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: '{"result":[]}',
        });
      }
      // The Tag Manager container is opted in (GTM_ID); an empty one is enough to see it load.
      if (origin === 'https://www.googletagmanager.com')
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
      // Shopify's Customer Privacy API is unreachable here, as behind a blocker: events go without it.
      return route.abort('blockedbyclient');
    },
  );
  return { outside, monorail };
}

const named = (events: MonorailEvent[], name: string) =>
  events.filter((event) => event.payload.event_name === name);
const products = (event: MonorailEvent) =>
  (event.payload.products as string[]).map(
    (product) => JSON.parse(product) as Record<string, unknown>,
  );

test.describe('a shopper in Germany', () => {
  test.use({ extraHTTPHeaders: { 'X-Visitor-Country': 'DE', 'X-Real-IP': '203.0.113.31' } });

  test('nothing reaches Shopify or Google before a choice; after accepting, page view, product view and add to cart in Shopify’s schema', async ({
    page,
  }) => {
    const { outside, monorail } = await interceptOutside(page);
    const dataLayer = await recordDataLayer(page);
    await page.goto(at(`${PDP}?size=120`));
    const banner = page.getByRole('region', { name: 'Privacy choices' });
    await expect(banner).toBeVisible();
    await page.waitForTimeout(1000);
    expect(outside.map((request) => request.url())).toEqual([]);

    await banner.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => named(monorail, 'product_page_rendered').length).toBe(1);
    await expect.poll(() => named(monorail, 'page_rendered').length).toBe(1);

    const common = {
      shop_id: shopNumber,
      currency: 'USD',
      source: 'headless',
      is_persistent_cookie: true,
      analytics_allowed: true,
      marketing_allowed: true,
      sale_of_data_allowed: true,
      ccpa_enforced: false,
      gdpr_enforced: false,
      event_source_url: `${ENV.SITE_URL}${PDP}?size=120`,
    };
    const [productView] = named(monorail, 'product_page_rendered');
    expect(productView!.schema_id).toBe('custom_storefront_customer_tracking/1.2');
    expect(productView!.payload).toMatchObject(common);
    expect(products(productView!)).toEqual([
      {
        product_gid: 'gid://shopify/Product/vitamin-d3-k2',
        name: 'Vitamin D3 + K2',
        variant: '120 softgels',
        brand: expect.any(String),
        price: 32,
        quantity: 1,
        variant_gid: 'gid://shopify/ProductVariant/D3K2-120',
        sku: 'D3K2-120',
      },
    ]);
    expect(named(monorail, 'page_rendered')[0]!.payload).toMatchObject(common);
    const [pageView] = monorail.filter(
      (event) => event.schema_id === 'trekkie_storefront_page_view/1.4',
    );
    expect(pageView!.payload).toMatchObject({
      shopId: shopNumber,
      pageType: 'product',
      appClientId: '12875497473',
      currency: 'USD',
      isPersistentCookie: true,
      path: PDP,
    });

    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect.poll(() => named(monorail, 'product_added_to_cart').length).toBe(1);
    const [added] = named(monorail, 'product_added_to_cart');
    expect(added!.payload).toMatchObject(common);
    expect(products(added!)).toEqual([
      expect.objectContaining({
        product_gid: 'gid://shopify/Product/vitamin-d3-k2',
        variant_gid: 'gid://shopify/ProductVariant/D3K2-120',
        price: 32,
        quantity: 2,
      }),
    ]);

    // The Customer Privacy API was asked for only after the choice; the container likewise.
    const scripts = outside
      .filter((request) => request.resourceType() === 'script')
      .map((request) => request.url());
    expect(scripts).toEqual(
      expect.arrayContaining([
        'https://cdn.shopify.com/shopifycloud/consent-tracking-api/v0.2/consent-tracking-api.js',
        'https://www.googletagmanager.com/gtm.js?id=GTM-E2ETEST',
      ]),
    );
    expect(ecommerceOf(dataLayer).map((item) => item.event)).toEqual(['view_item', 'add_to_cart']);

    // Every other request goes where the CSP sources for this configuration allow, and no further.
    const allowed = Object.values(analyticsCspSources(ENV)).flat();
    for (const request of outside.filter((item) => item.resourceType() !== 'script'))
      expect(
        allowed.some((source) => matchesSource(request.url(), source)),
        request.url(),
      ).toBe(true);
  });

  test('reject all: nothing reaches Shopify or Google, not on adding to cart nor on leaving', async ({
    page,
  }) => {
    const { outside } = await interceptOutside(page);
    await page.goto(at(PDP));
    await page
      .getByRole('region', { name: 'Privacy choices' })
      .getByRole('button', { name: 'Reject all' })
      .click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(
      page.getByRole('dialog', { name: 'Your cart' }).getByRole('link', { name: 'Check out' }),
    ).toBeVisible();
    await hidePage(page);
    await page.waitForTimeout(1000);
    expect(outside.map((request) => request.url())).toEqual([]);
  });
});

test.describe('a shopper in the US whose browser sends Global Privacy Control', () => {
  test.use({
    extraHTTPHeaders: { 'X-Visitor-Country': 'US', 'Sec-GPC': '1', 'X-Real-IP': '203.0.113.32' },
  });

  test('measured by default, with marketing off in every event and in consent mode', async ({
    page,
  }) => {
    await turnOnGpc(page);
    const { monorail } = await interceptOutside(page);
    const dataLayer = await recordDataLayer(page);
    await page.goto(at(PDP));
    await expect.poll(() => named(monorail, 'page_rendered').length).toBe(1);
    for (const event of monorail.filter((item) => item.schema_id.startsWith('custom_storefront')))
      expect(event.payload).toMatchObject({
        analytics_allowed: true,
        marketing_allowed: false,
        sale_of_data_allowed: false,
        ccpa_enforced: true,
      });
    expect(dataLayer[0]).toEqual([
      'consent',
      'default',
      {
        analytics_storage: 'granted',
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
      },
    ]);
  });
});

test.describe('field measurements', () => {
  test.use({ extraHTTPHeaders: { 'X-Visitor-Country': 'US', 'X-Real-IP': '203.0.113.33' } });

  test('LCP, INP and CLS from Chromium are logged by the server as one JSON line each', async ({
    page,
  }) => {
    await interceptOutside(page);
    const from = server.logs.length;
    const vitals = () =>
      server.logs
        .slice(from)
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.event === 'web-vital');
    await page.goto(at(PDP));
    // TTFB comes first, as soon as the reporter runs: from then on the page is measured.
    await expect.poll(() => vitals().map((line) => line.name)).toContain('TTFB');
    await slowClick(page, 'Key health benefits');
    await hidePage(page);
    await expect
      .poll(() =>
        vitals()
          .map((line) => line.name)
          .sort(),
      )
      .toEqual(expect.arrayContaining(['CLS', 'INP', 'LCP']));
    for (const line of vitals())
      expect(line).toMatchObject({
        pageType: 'product',
        path: PDP,
        rating: expect.stringMatching(/good|needs-improvement|poor/),
      });
  });
});

test.describe("Shopify's signed webhooks", () => {
  const post = (page: Page, topic: string, body: string, signature: string) =>
    page.request.post(at('/api/revalidate'), {
      headers: {
        'Content-Type': 'application/json',
        'X-Shopify-Topic': topic,
        'X-Shopify-Hmac-Sha256': signature,
        'X-Real-IP': '203.0.113.34',
      },
      data: body,
    });
  const sign = (body: string) => createHmac('sha256', WEBHOOK_SECRET).update(body).digest('base64');
  const price = async (page: Page) => {
    await page.goto(at(PDP));
    return page.getByRole('region', { name: 'Buy' }).locator('p.text-3xl').textContent();
  };

  test('a wrong signature is 401 and changes nothing; the right one refreshes only the product tag, and the page shows the new price', async ({
    page,
  }) => {
    // The suite's build rendered this page in local mode, without the product's cache tag; a refresh
    // by path renders it again from the store, as a build in Shopify mode would have.
    standIn.setPrice('D3K2-60', '20.00');
    const refresh = await page.request.post(at('/api/revalidate'), {
      headers: { 'x-revalidate-secret': REVALIDATE_SECRET, 'X-Real-IP': '203.0.113.34' },
      data: { handle: 'vitamin-d3-k2' },
    });
    expect(refresh.status()).toBe(200);
    await expect.poll(() => price(page)).toBe('$20.00');

    standIn.setPrice('D3K2-60', '21.50');
    const body = JSON.stringify({ id: 1, handle: 'vitamin-d3-k2', title: 'Vitamin D3 + K2' });

    const forged = await post(page, 'products/update', body, sign(`${body} `));
    expect(forged.status()).toBe(401);
    expect(await forged.json()).toEqual({
      error: 'X-Shopify-Hmac-Sha256 is not the signature of this body with the webhook secret.',
    });
    expect(await price(page)).toBe('$20.00');
    expect(await price(page)).toBe('$20.00');

    const signed = await post(page, 'products/update', body, sign(body));
    expect(await signed.json()).toEqual({ revalidated: 'vitamin-d3-k2', topic: 'products/update' });
    await expect.poll(() => price(page)).toBe('$21.50');
  });

  test('inventory updates name the product by SKU; other topics are acknowledged and ignored', async ({
    page,
  }) => {
    const inventory = JSON.stringify({ id: 808950810, sku: 'D3K2-120', tracked: true });
    const byInventory = await post(page, 'inventory_items/update', inventory, sign(inventory));
    expect(await byInventory.json()).toEqual({
      revalidated: 'vitamin-d3-k2',
      topic: 'inventory_items/update',
    });

    const other = JSON.stringify({ id: 1, handle: 'gift-card' });
    const elsewhere = await post(page, 'products/update', other, sign(other));
    expect(elsewhere.status()).toBe(200);
    expect(await elsewhere.json()).toEqual({
      ignored: 'No product with handle "gift-card" on this site.',
    });
    const orders = JSON.stringify({ id: 1 });
    expect(
      (await (await post(page, 'orders/create', orders, sign(orders))).json()).ignored,
    ).toMatch(/names no product/);
  });
});

/** Whether a URL is allowed by a CSP host source such as https://*.google-analytics.com. */
function matchesSource(url: string, source: string): boolean {
  const { protocol, host } = new URL(url);
  const [scheme, pattern] = source.split('://') as [string, string];
  if (`${scheme}:` !== protocol) return false;
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}
