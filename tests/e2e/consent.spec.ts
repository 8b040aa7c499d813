import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import {
  AXE_TAGS,
  ecommerceOf,
  hidePage,
  PDP,
  recordDataLayer,
  recordRequests,
  slowClick,
  turnOnGpc,
} from './support/analytics';

// The consent code loads when the browser is idle, then asks the server: on a loaded machine that
// takes seconds, so each wait here may take longer than the suite's default.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 90_000 });

const banner = (page: Page) => page.getByRole('region', { name: 'Privacy choices' });
const drawer = (page: Page) => page.getByRole('dialog', { name: 'Your cart' });
const choiceCookie = async (page: Page) =>
  (await page.context().cookies()).find((cookie) => cookie.name === 'privacy_choices');

/** The PDP's own scripts and styles, the page, and the consent code's question to the server. */
function isPageOwn(url: string, origin: string) {
  const { pathname } = new URL(url);
  return (
    url.startsWith(origin) &&
    (pathname.startsWith('/_next/static/') ||
      pathname.startsWith('/images/') ||
      pathname === PDP ||
      pathname === '/api/analytics' ||
      pathname === '/api/cart' ||
      pathname === '/icon.svg' ||
      pathname === '/favicon.ico')
  );
}

test.describe('a country where a banner is required (DE)', () => {
  test.use({ extraHTTPHeaders: { 'X-Visitor-Country': 'DE', 'X-Real-IP': '203.0.113.21' } });

  test('before a choice nothing leaves the page: no measurement, no tracking cookie', async ({
    page,
    baseURL,
  }) => {
    const dataLayer = await recordDataLayer(page);
    const requests = recordRequests(page);
    await page.goto(PDP);
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toContainText('Nothing is measured until you choose.');
    // Interact and leave the page, which is when field measurements would be sent.
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await page.keyboard.press('Escape');
    await hidePage(page);
    await page.waitForTimeout(1000);

    const others = requests.filter(
      (request) =>
        !isPageOwn(request.url(), baseURL!) &&
        // The cart's own Server Action (the add), posted to the page.
        !(request.method() === 'POST' && request.headers()['next-action']),
    );
    expect(others.map((request) => request.url())).toEqual([]);
    expect(dataLayer).toEqual([]);
    expect(await page.evaluate(() => 'dataLayer' in window && window.dataLayer)).toBeFalsy();
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(['cart']);
  });

  test('accept all: the dataLayer gets consent first, then view_item, add_to_cart, view_cart, remove_from_cart, begin_checkout', async ({
    page,
  }) => {
    const dataLayer = await recordDataLayer(page);
    await page.goto(`${PDP}?size=120`);
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(banner(page)).toBeHidden();
    expect((await choiceCookie(page))?.value).toBe('analytics.marketing');
    await expect.poll(() => ecommerceOf(dataLayer).length).toBe(1);
    expect(dataLayer[0]).toEqual([
      'consent',
      'default',
      {
        analytics_storage: 'granted',
        ad_storage: 'granted',
        ad_user_data: 'granted',
        ad_personalization: 'granted',
      },
    ]);

    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: /Cart/ }).click();
    await drawer(page).getByRole('button', { name: 'Decrease quantity' }).click();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await drawer(page).getByRole('link', { name: 'Check out' }).click();
    await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();

    const item = {
      item_id: 'D3K2-120',
      item_name: 'Vitamin D3 + K2',
      item_variant: '120 softgels',
      price: 32,
    };
    expect(ecommerceOf(dataLayer)).toEqual([
      {
        event: 'view_item',
        ecommerce: {
          currency: 'USD',
          value: 32,
          items: [{ ...item, item_brand: expect.any(String), quantity: 1 }],
        },
      },
      {
        event: 'add_to_cart',
        ecommerce: { currency: 'USD', value: 64, items: [{ ...item, quantity: 2 }] },
      },
      {
        event: 'view_cart',
        ecommerce: { currency: 'USD', value: 64, items: [{ ...item, quantity: 2 }] },
      },
      {
        event: 'remove_from_cart',
        ecommerce: { currency: 'USD', value: 32, items: [{ ...item, quantity: 1 }] },
      },
      {
        event: 'begin_checkout',
        ecommerce: { currency: 'USD', value: 32, items: [{ ...item, quantity: 1 }] },
      },
    ]);
    // Google asks for the previous ecommerce object to be cleared before each event.
    const viewItem = dataLayer.findIndex((pushed) => pushed.event === 'view_item');
    expect(dataLayer[viewItem - 1]).toEqual({ ecommerce: null });
  });

  test('reject all: nothing is measured now or on the next page, and the server is not even asked', async ({
    page,
    baseURL,
  }) => {
    const dataLayer = await recordDataLayer(page);
    const requests = recordRequests(page);
    await page.goto(PDP);
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(banner(page)).toBeHidden();
    expect((await choiceCookie(page))?.value).toBe('none');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await hidePage(page);

    requests.length = 0;
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await page.waitForTimeout(1500);
    await expect(banner(page)).toBeHidden();
    expect(dataLayer).toEqual([]);
    expect(requests.filter((request) => !request.url().startsWith(baseURL!))).toEqual([]);
    expect(requests.map((request) => new URL(request.url()).pathname)).not.toContain(
      '/api/analytics',
    );
    expect(requests.map((request) => new URL(request.url()).pathname)).not.toContain('/api/vitals');
  });

  test('choose: analytics only, by keyboard; focus moves into the choices and back to the content', async ({
    page,
  }) => {
    const dataLayer = await recordDataLayer(page);
    await page.goto(PDP);
    await expect(banner(page)).toBeVisible();
    // The banner comes first in the page's order, right after the skip link.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(banner(page).getByRole('button', { name: 'Accept all' })).toBeFocused();
    await banner(page).getByRole('button', { name: 'Choose' }).focus();
    await page.keyboard.press('Enter');
    await expect(banner(page).getByRole('checkbox', { name: 'Analytics' })).toBeFocused();
    await page.keyboard.press('Space');
    await banner(page).getByRole('button', { name: 'Save choices' }).focus();
    await page.keyboard.press('Enter');
    await expect(banner(page)).toBeHidden();
    await expect(page.locator('main')).toBeFocused();
    expect((await choiceCookie(page))?.value).toBe('analytics');
    await expect
      .poll(() => dataLayer[0])
      .toEqual([
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

  test('the banner moves nothing on the page and axe finds no violations with it', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { shifts: number }).shifts += (
            entry as unknown as { value: number }
          ).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(PDP);
    const heading = page.getByRole('heading', { level: 1 });
    const before = await heading.boundingBox();
    await expect(banner(page)).toBeVisible();
    expect(await heading.boundingBox()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    expect(await banner(page).evaluate((element) => getComputedStyle(element).position)).toBe(
      'fixed',
    );
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
    await banner(page).getByRole('button', { name: 'Choose' }).click();
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  });
});

test.describe('a country where no banner is required (US)', () => {
  test.use({ extraHTTPHeaders: { 'X-Visitor-Country': 'US', 'X-Real-IP': '203.0.113.22' } });

  test("the gate opens by itself with the store's default, storing no choice", async ({ page }) => {
    const dataLayer = await recordDataLayer(page);
    await page.goto(PDP);
    await expect
      .poll(() => ecommerceOf(dataLayer).map((item) => item.event))
      .toEqual(['view_item']);
    await expect(banner(page)).toBeHidden();
    expect(await choiceCookie(page)).toBeUndefined();
    expect(dataLayer[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted' }),
    ]);
  });

  test('fast clicks on + count each unit added once, as the store answered them', async ({
    page,
  }) => {
    const dataLayer = await recordDataLayer(page);
    await page.goto(PDP);
    await expect.poll(() => ecommerceOf(dataLayer).length).toBe(1);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const line = drawer(page).getByTestId('cart-line');
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    const plus = line.getByRole('button', { name: 'Increase quantity' });
    for (let click = 0; click < 4; click++) await plus.click({ delay: 0 });
    await expect(line.getByTestId('line-quantity')).toHaveText('5');
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible({
      timeout: 15_000,
    });
    const added = ecommerceOf(dataLayer).filter((item) => item.event === 'add_to_cart');
    const units = added.flatMap(
      (item) => (item.ecommerce as { items: Array<{ quantity: number }> }).items,
    );
    expect(units.reduce((sum, item) => sum + item.quantity, 0)).toBe(5);
  });

  test('the choice can be changed from the footer, and focus returns there', async ({ page }) => {
    const dataLayer = await recordDataLayer(page);
    await page.goto(PDP);
    await expect.poll(() => ecommerceOf(dataLayer).length).toBe(1);
    const footerButton = page.getByRole('button', { name: 'Privacy choices' });
    await footerButton.click();
    const analytics = banner(page).getByRole('checkbox', { name: 'Analytics' });
    await expect(analytics).toBeFocused();
    await expect(analytics).toBeChecked();
    await analytics.uncheck();
    await banner(page).getByRole('checkbox', { name: 'Marketing' }).uncheck();
    await banner(page).getByRole('button', { name: 'Save choices' }).click();
    await expect(banner(page)).toBeHidden();
    await expect(footerButton).toBeFocused();
    expect((await choiceCookie(page))?.value).toBe('none');
    await expect
      .poll(() => dataLayer.at(-1))
      .toEqual([
        'consent',
        'update',
        {
          analytics_storage: 'denied',
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
        },
      ]);
    // Withdrawn means withdrawn: the add goes nowhere.
    const events = ecommerceOf(dataLayer).length;
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await page.waitForTimeout(500);
    expect(ecommerceOf(dataLayer)).toHaveLength(events);
  });

  test('Global Privacy Control turns marketing off by default and in the choices', async ({
    page,
  }) => {
    await turnOnGpc(page);
    const dataLayer = await recordDataLayer(page);
    await page.goto(PDP);
    await expect
      .poll(() => dataLayer[0])
      .toEqual([
        'consent',
        'default',
        {
          analytics_storage: 'granted',
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
        },
      ]);
    await page.getByRole('button', { name: 'Privacy choices' }).click();
    const marketing = banner(page).getByRole('checkbox', { name: 'Marketing' });
    await expect(marketing).toBeDisabled();
    await expect(marketing).not.toBeChecked();
    await expect(banner(page)).toContainText('Global Privacy Control');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    expect((await choiceCookie(page))?.value).toBe('analytics');
  });

  test('field measurements reach /api/vitals from Chromium once the page is hidden', async ({
    page,
  }) => {
    const reports: Array<{ name: string; pageType: string; status: number }> = [];
    page.on('requestfinished', async (request) => {
      if (!request.url().endsWith('/api/vitals')) return;
      const response = await request.response();
      reports.push({ ...request.postDataJSON(), status: response?.status() ?? 0 });
    });
    await page.goto(PDP);
    // TTFB comes first, as soon as the reporter runs: from then on the page is measured.
    await expect.poll(() => reports.map((report) => report.name)).toContain('TTFB');
    // An interaction, so there is an INP to report.
    await slowClick(page, 'Key health benefits');
    await hidePage(page);
    await expect
      .poll(() => reports.map((report) => report.name).sort())
      .toEqual(expect.arrayContaining(['CLS', 'INP', 'LCP']));
    for (const report of reports) {
      expect(report.status).toBe(204);
      expect(report.pageType).toBe('product');
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Visitor-Country': 'DE', 'X-Real-IP': '203.0.113.23' },
  });

  test('nothing breaks: the page and its form work, nothing asks or measures', async ({ page }) => {
    const requests = recordRequests(page);
    await page.goto(PDP);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vitamin D3 + K2');
    await expect(page.getByRole('region', { name: 'Privacy choices' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Privacy choices' })).toBeHidden();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart/);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    const paths = requests.map((request) => new URL(request.url()).pathname);
    expect(paths).not.toContain('/api/analytics');
    expect(paths).not.toContain('/api/vitals');
  });
});
