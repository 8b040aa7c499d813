import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { actionFormFields } from './support/action-form';
import { waitForCartLoad } from './support/cart-load';

const PDP = '/products/vitamin-d3-k2';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const isServerAction = (method: string, headers: Record<string, string>) =>
  method === 'POST' && 'next-action' in headers;

/** Opens a page and waits until the cart has hydrated and loaded the shopper's cart from the server. */
async function openReady(page: Page, path = PDP) {
  const cartLoaded = waitForCartLoad(page);
  await page.goto(path);
  await cartLoaded;
}

function drawer(page: Page) {
  return page.getByRole('dialog', { name: 'Your cart' });
}

test.describe('cart with JavaScript', () => {
  test('choose 120, add, change quantity, reload, remove, and check out', async ({ page }) => {
    await openReady(page);
    await expect(page.getByText('$19.00').first()).toBeVisible();

    // Each size is its own page: the link loads it, and the cart loads again there.
    const cartLoaded = waitForCartLoad(page);
    await page.getByRole('link', { name: '120 softgels' }).click();
    await expect(page).toHaveURL(/\?size=120$/);
    await cartLoaded;
    const buyBox = page.getByRole('region', { name: 'Buy' });
    await expect(buyBox.getByText('$32.00', { exact: true })).toBeVisible();
    await expect(buyBox.getByText('$38.00', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('img', { name: /Vitamin D3 \+ K2 softgels, 120 softgels/ }),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Added to cart' })).toHaveCount(1);
    const line = drawer(page).getByTestId('cart-line');
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('120 softgels');
    await expect(drawer(page).getByTestId('cart-subtotal')).toHaveText('$32.00');

    await line.getByRole('button', { name: 'Increase quantity' }).click();
    await expect(line.getByTestId('line-quantity')).toHaveText('2');
    await expect(drawer(page).getByTestId('cart-subtotal')).toHaveText('$64.00');

    await openReady(page, `${PDP}?size=120`);
    await expect(page.getByTestId('cart-count')).toContainText('2');
    await page.getByRole('link', { name: /Cart/ }).click();
    await expect(drawer(page).getByTestId('line-quantity')).toHaveText('2');

    await drawer(page)
      .getByRole('button', { name: /Remove/ })
      .click();
    await expect(drawer(page).getByText('Your cart is empty.')).toBeVisible();
    await expect(page.getByTestId('cart-count')).not.toContainText('2');

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByTestId('cart-line')).toHaveCount(1);
    await drawer(page).getByRole('link', { name: 'Check out' }).click();
    await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
    await expect(page.getByText('Local store checkout')).toBeVisible();
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { name: /your order is placed/ })).toBeVisible();
    await expect(page.getByText(/120 softgels × 1/)).toBeVisible();

    // The order emptied the cart: a new visit starts with an empty cart.
    await page.goto('/cart');
    await expect(page.getByText('Your cart is empty.')).toBeVisible();
  });

  test('the line shows within 100 ms of the click, before the store answers', async ({ page }) => {
    await openReady(page);
    // Hold the add at the network, so what the shopper sees can only come from the page itself.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(PDP, async (route) => {
      if (isServerAction(route.request().method(), route.request().headers())) await held;
      await route.continue();
    });
    const elapsed = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let clickedAt = 0;
          document.addEventListener('click', () => (clickedAt = performance.now()), {
            capture: true,
            once: true,
          });
          new MutationObserver((_, observer) => {
            if (clickedAt && document.querySelector('dialog [data-testid="cart-line"]')) {
              observer.disconnect();
              resolve(performance.now() - clickedAt);
            }
          }).observe(document.body, { childList: true, subtree: true });
        }),
    );
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const ms = await elapsed;
    console.log(`click to line visible: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(100);
    release();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await expect(drawer(page).getByTestId('line-quantity')).toHaveText('1');
  });

  test('ten fast clicks on + end at the right quantity and subtotal', async ({ page }) => {
    await openReady(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const line = drawer(page).getByTestId('cart-line');
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    const plus = line.getByRole('button', { name: 'Increase quantity' });
    for (let click = 0; click < 10; click++) await plus.click({ delay: 0 });
    await expect(line.getByTestId('line-quantity')).toHaveText('11');
    await expect(drawer(page).getByTestId('cart-subtotal')).toHaveText('$209.00');
    // Check out comes back once the store has answered every click.
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible({
      timeout: 15_000,
    });
    await expect(line.getByTestId('line-quantity')).toHaveText('11');

    // What the store holds matches what the shopper saw.
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line').getByTestId('line-quantity')).toHaveText('11');
    await expect(page.getByTestId('cart-subtotal')).toHaveText('$209.00');
  });

  test("a refusal shows the store's message by the line, which returns to the store's quantity", async ({
    page,
  }) => {
    await openReady(page, `${PDP}?size=120`);
    await page.getByLabel('Quantity').fill('99');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const line = drawer(page).getByTestId('cart-line');
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await expect(line.getByTestId('line-quantity')).toHaveText('99');

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(line.getByRole('alert')).toBeVisible();
    await expect(line.getByRole('alert')).not.toBeEmpty();
    await expect(line.getByTestId('line-quantity')).toHaveText('99');
    await page.goto('/cart');
    await expect(page.getByTestId('line-quantity')).toHaveText('99');
  });

  test('drawer: focus moves in, Escape closes, focus returns, no axe violations', async ({
    page,
  }) => {
    await openReady(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page)).toBeVisible();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();

    const axe = await new AxeBuilder({ page }).include('dialog').withTags(AXE_TAGS).analyze();
    expect(axe.violations).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();

    const cartLink = page.getByRole('link', { name: /Cart/ });
    await cartLink.focus();
    await page.keyboard.press('Enter');
    await expect(drawer(page)).toBeVisible();
    const focusInside = await page.evaluate(
      () => document.activeElement?.closest('dialog') !== null,
    );
    expect(focusInside).toBe(true);
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();
    await expect(cartLink).toBeFocused();
  });

  test('the cart page and the checkout review have no axe violations', async ({ page }) => {
    await openReady(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();
    await openReady(page, '/cart');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
    await page.getByRole('link', { name: 'Check out' }).click();
    await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  });

  test('a network failure leaves the page readable and the cart retryable', async ({ page }) => {
    await openReady(page);
    await page.route(PDP, (route) =>
      isServerAction(route.request().method(), route.request().headers())
        ? route.abort('connectionrefused')
        : route.continue(),
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Vitamin D3 + K2' })).toBeVisible();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const alert = drawer(page).getByRole('alert').filter({ hasText: 'cannot be reached' });
    await expect(alert).toBeVisible();
    await expect(drawer(page).getByText('Your cart is empty.')).toBeVisible();

    // The connection comes back: retrying sends the same add.
    await page.unroute(PDP);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(drawer(page).getByTestId('cart-line')).toHaveCount(1);
    await expect(drawer(page).getByRole('alert')).toHaveCount(0);
  });
});

test('when code loaded after hydration cannot arrive, the page stays and the drawer links to the cart', async ({
  page,
}) => {
  // What the HTML names loads; everything asked for later (the drawer's list, the privacy choices,
  // the delivery worker) fails, as on a connection that drops once the page is in.
  const html = await (await page.request.get(PDP)).text();
  await page.route('**/_next/static/**', (route) =>
    html.includes(new URL(route.request().url()).pathname)
      ? route.continue()
      : route.abort('connectionreset'),
  );
  await openReady(page);
  await page.getByRole('link', { name: /^Cart/ }).click();
  await drawer(page).getByRole('link', { name: 'Open your cart' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await page.goBack();
  await page.waitForTimeout(4500);
  await expect(page.getByRole('heading', { level: 1, name: 'Vitamin D3 + K2' })).toBeVisible();
  await expect(page.getByTestId('delivery-estimate')).toContainText('Arrives in');
});

test.describe('cart without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same forms work as plain posts and land on the updated cart', async ({ page }) => {
    await page.goto(PDP);
    await page.getByRole('link', { name: '120 softgels' }).click();
    await expect(page).toHaveURL(/\?size=120$/);
    await expect(
      page.getByRole('region', { name: 'Buy' }).getByText('$32.00', { exact: true }),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.getByText('Added to cart.')).toBeVisible();
    const line = page.getByTestId('cart-line');
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('120 softgels');

    await line.getByRole('button', { name: 'Increase quantity' }).click();
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.getByTestId('cart-subtotal')).toHaveText('$64.00');

    await page.reload();
    await expect(page.getByTestId('cart-subtotal')).toHaveText('$64.00');

    await page
      .getByTestId('cart-line')
      .getByRole('button', { name: /Remove/ })
      .click();
    await expect(page.getByText('Your cart is empty.')).toBeVisible();

    await page.goto(PDP);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { name: /your order is placed/ })).toBeVisible();
  });

  test('a post from another site or a sandboxed frame changes nothing', async ({ request }) => {
    const fields = actionFormFields(await (await request.get(PDP)).text());
    for (const origin of [
      'https://evil.example',
      'null',
      'foo',
      'http://127.0.0.1:3100.evil.example',
    ]) {
      const response = await request.post(PDP, {
        headers: { Origin: origin },
        multipart: { ...fields, quantity: '1' },
        maxRedirects: 0,
      });
      expect([400, 403], `Origin: ${origin}`).toContain(response.status());
      expect(response.headers()['set-cookie'] ?? '').not.toContain('cart=');
    }
  });
});

test.describe('discount codes', () => {
  test('with JavaScript: a code that does not apply says so and changes nothing; WELCOME10 takes 10% off, and can be removed', async ({
    page,
  }) => {
    await openReady(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByRole('link', { name: 'Check out' })).toBeVisible();

    await drawer(page).getByLabel('Discount code').fill('NOPE');
    await drawer(page).getByRole('button', { name: 'Apply' }).click();
    await expect(drawer(page).getByRole('alert')).toContainText('NOPE');
    await expect(drawer(page).getByTestId('cart-discount')).toHaveCount(0);
    await expect(drawer(page).getByTestId('cart-subtotal')).toHaveText('$19.00');

    await drawer(page).getByLabel('Discount code').fill('welcome10');
    await drawer(page).getByRole('button', { name: 'Apply' }).click();
    await expect(drawer(page).getByTestId('cart-discount')).toHaveText('−$1.90');
    await expect(drawer(page).getByTestId('cart-total')).toHaveText('$17.10');
    await expect(drawer(page).getByRole('alert')).toHaveCount(0);

    await drawer(page).getByRole('button', { name: 'Remove discount code WELCOME10' }).click();
    await expect(drawer(page).getByTestId('cart-discount')).toHaveCount(0);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the same forms apply a code, and the order carries the discount', async ({ page }) => {
      await page.goto(PDP);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await expect(page).toHaveURL(/\/cart$/);
      await page.getByLabel('Discount code').fill('BOGUS-CODE');
      await page.getByRole('button', { name: 'Apply' }).click();
      await expect(page.getByRole('alert').first()).toContainText('BOGUS-CODE');
      await page.getByLabel('Discount code').fill('WELCOME10');
      await page.getByRole('button', { name: 'Apply' }).click();
      await expect(page.getByText('Discount code WELCOME10 applied.')).toBeVisible();
      await expect(page.getByTestId('cart-total')).toHaveText('$17.10');
      await page.getByRole('link', { name: 'Check out' }).click();
      await expect(page.getByText(/Discount \(WELCOME10\)/)).toBeVisible();
      await page.getByRole('button', { name: 'Place order' }).click();
      await expect(page.getByRole('heading', { name: /your order is placed/ })).toBeVisible();
      await expect(page.getByText('−$1.90')).toBeVisible();
    });
  });
});

test('a cart read that an add overtakes does not undo the add', async ({ page }) => {
  // The page's first read of the cart is answered late, with the cart as it was before the add.
  let releaseRead!: () => void;
  const readHeld = new Promise<void>((resolve) => (releaseRead = resolve));
  await page.route('**/api/cart', async (route) => {
    const response = await route.fetch();
    await readHeld;
    await route.fulfill({ response });
  });
  const reading = page.waitForRequest('**/api/cart');
  await page.goto(PDP);
  await reading;
  const added = page.waitForResponse((response) =>
    isServerAction(response.request().method(), response.request().headers()),
  );
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await added;
  const read = page.waitForResponse('**/api/cart');
  releaseRead();
  await read;
  await page.waitForTimeout(300);
  await expect(drawer(page).getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-count')).toContainText('1');
});

test.describe('GET /api/cart', () => {
  test('answers the shopper’s cart privately; a forged cookie is no cart, not an error', async ({
    request,
  }) => {
    const answer = await request.get('/api/cart', {
      headers: { cookie: 'cart=gid://shopify/Cart/<script>; other=1' },
    });
    expect(answer.status()).toBe(200);
    expect(answer.headers()['cache-control']).toBe('private, no-store');
    expect(await answer.json()).toEqual({ cart: null, refusals: [] });
    expect((await request.post('/api/cart', { data: {} })).status()).toBe(405);
  });
});
