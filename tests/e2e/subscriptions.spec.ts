import { expect, test, type Page } from '@playwright/test';
import { actionFormFields } from './support/action-form';
import { waitForCartLoad } from './support/cart-load';

const PDP = '/products/vitamin-d3-k2';

/** Follows a link to another static page and, with JavaScript, waits until its cart has loaded. */
async function follow(page: Page, name: string | RegExp, withScript: boolean) {
  const cartLoaded = withScript ? waitForCartLoad(page) : null;
  await page.getByRole('link', { name }).click();
  await cartLoaded;
}

async function openPage(page: Page, path: string, withScript: boolean) {
  const cartLoaded = withScript ? waitForCartLoad(page) : null;
  await page.goto(path);
  await cartLoaded;
}

for (const withScript of [true, false]) {
  test.describe(`subscribe & save ${withScript ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled: withScript });

    test('subscribe at 60 days, change to 30, apply WELCOME10, check out: the order shows the plan and the discount', async ({
      page,
    }) => {
      await openPage(page, `${PDP}?size=120`, withScript);
      const buyBox = page.getByRole('region', { name: 'Buy' });
      await expect(buyBox.getByRole('link', { name: /One-time purchase/ })).toHaveAttribute(
        'aria-current',
        'true',
      );
      await follow(page, /^Subscribe & save 10%/, withScript);
      await follow(page, /^60 days/, withScript);
      await expect(page).toHaveURL(/\?size=120&plan=60$/);
      await expect(buyBox.getByText('$28.80 per delivery', { exact: true })).toBeVisible();
      await expect(buyBox.getByText('Save 10%', { exact: true })).toBeVisible();

      await buyBox.getByRole('button', { name: 'Add to cart' }).click();
      if (!withScript) await expect(page).toHaveURL(/\/cart$/);
      const scope = withScript ? page.getByRole('dialog', { name: 'Your cart' }) : page;
      const line = scope.getByTestId('cart-line');
      await expect(line.getByTestId('line-plan')).toHaveText('Delivers every 60 days, 10% off');
      await expect(line).toContainText('$28.80');
      if (withScript) await expect(scope.getByRole('link', { name: 'Check out' })).toBeVisible();

      await line
        .getByLabel(/Delivery for/)
        .selectOption({ label: 'Delivers every 30 days, 10% off' });
      await line.getByRole('button', { name: /Change/ }).click();
      await expect(line.getByTestId('line-plan')).toHaveText('Delivers every 30 days, 10% off');

      await scope.getByLabel('Discount code').fill('WELCOME10');
      await scope.getByRole('button', { name: 'Apply' }).click();
      await expect(scope.getByTestId('cart-discount')).toHaveText('−$2.88');
      await expect(scope.getByTestId('cart-total')).toHaveText('$25.92');

      await scope.getByRole('link', { name: 'Check out' }).click();
      await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
      await expect(page.getByText('Delivers every 30 days, 10% off')).toBeVisible();
      await page.getByRole('button', { name: 'Place order' }).click();
      await expect(page.getByRole('heading', { name: /your order is placed/ })).toBeVisible();
      await expect(page.getByText('Delivers every 30 days, 10% off')).toBeVisible();
      await expect(page.getByText('−$2.88')).toBeVisible();
    });
  });
}

test('the one-time price stays the Offer price in structured data on a plan page', async ({
  request,
}) => {
  const html = await (await request.get(`${PDP}?size=120&plan=30`)).text();
  expect(html).toContain('$28.80');
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/gs)]
    .map((match) => match[1])
    .join('');
  const offers = [...jsonLd.matchAll(/"price":"?([\d.]+)/g)].map((match) => Number(match[1]));
  expect(offers.length).toBeGreaterThan(0);
  expect(offers).not.toContain(28.8);
});

test('a plan that does not belong to the product is refused in the store’s words and changes nothing', async ({
  playwright,
  baseURL,
}) => {
  const shopper = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Origin: baseURL! },
  });
  const planPage = await (await shopper.get(`${PDP}?size=120&plan=30`)).text();
  const foreignPlan = /name="sellingPlanId" value="([^"]+)"/.exec(planPage)?.[1];
  expect(foreignPlan).toMatch(/^gid:\/\/shopify\/SellingPlan\//);
  // The D3-only product sells no plans: its form, posted with the D3 + K2 plan.
  const fields = actionFormFields(await (await shopper.get('/products/vitamin-d3')).text());
  await shopper.post('/products/vitamin-d3', {
    multipart: { ...fields, sellingPlanId: foreignPlan!, quantity: '1' },
  });
  const cart = await (await shopper.get('/cart')).text();
  expect(cart).toMatch(/role="alert"[^>]*>[^<]*selling plan/i);
  expect(cart).toContain('Your cart is empty.');
  await shopper.dispose();
});

test('a plan that the product does not sell is not a page', async ({ request }) => {
  expect((await request.get(`${PDP}?size=120&plan=45`)).status()).toBe(404);
});
