import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PDP = '/products/vitamin-d3-k2';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The demonstration store names variants by SKU where Shopify uses a number: /cart/D3K2-60:2. */
test.describe('cart permalinks', () => {
  test('/cart/<variant>:<qty>,…?discount=CODE builds that cart and goes to checkout', async ({
    page,
  }) => {
    await page.goto('/cart/D3K2-60:2,D3K2-120:1?discount=welcome10');
    await expect(page).toHaveURL(/\/checkout$/);
    const items = page.getByRole('list', { name: 'Order items' }).getByRole('listitem');
    await expect(items).toHaveText([/60 softgels × 2/, /120 softgels × 1/]);
    await expect(page.getByText(/Discount \(WELCOME10\)/)).toBeVisible();
    // 2 × 19.00 + 32.00 = 70.00, less 10%.
    await expect(page.getByText('$63.00')).toBeVisible();
  });

  test('the link replaces the cart in the cookie rather than adding to it', async ({ page }) => {
    await page.goto('/cart/D3K2-120:3');
    await page.goto('/cart/D3K2-60:1');
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByTestId('cart-line')).toContainText('60 softgels');
  });

  test('a product the store does not sell is a 422 page that says so, with the store’s words', async ({
    page,
  }) => {
    const response = await page.goto('/cart/NO-SUCH-SKU:1');
    expect(response?.status()).toBe(422);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'These products cannot be bought right now',
    );
    await expect(page.getByRole('listitem')).toContainText('NO-SUCH-SKU');
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  });

  test('part of the link refused: the cart keeps the rest and the cart page says what', async ({
    page,
  }) => {
    await page.goto('/cart/D3K2-60:1?discount=NOPE');
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.getByRole('alert').first()).toContainText('NOPE');
    await expect(page.getByTestId('cart-line')).toContainText('60 softgels');
  });

  test('hostile input is a clear 4xx with a readable page, and never a cart', async ({
    request,
  }) => {
    const cases: Array<[string, number, RegExp]> = [
      ['/cart/D3K2-60:0', 400, /quantity the cart does not take/],
      ['/cart/D3K2-60:100', 400, /quantity the cart does not take/],
      ['/cart/D3K2-60:2:3', 400, /not written correctly/],
      [
        `/cart/${Array.from({ length: 11 }, (_, i) => `A${i}:1`).join(',')}`,
        400,
        /too many products/,
      ],
      [`/cart/${'1'.repeat(700)}`, 414, /too long/],
      ['/cart/D3K2-60:1?discount=%3Cscript%3E', 400, /discount code is not written correctly/],
      ['/cart/%E0%A4%A', 400, /malformed percent-escape/],
    ];
    for (const [url, status, text] of cases) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(status);
      expect(await response.text(), url).toMatch(text);
      expect(response.headers()['set-cookie'] ?? '', url).not.toContain('cart=');
    }
  });

  test('HEAD, as link checkers send it, answers without starting a cart', async ({ request }) => {
    const head = await request.head('/cart/D3K2-60:1', { maxRedirects: 0 });
    expect(head.status()).toBe(200);
    expect(head.headers()['set-cookie']).toBeUndefined();
    expect((await request.head('/cart/D3K2-60:0')).status()).toBe(400);
  });
});

test.describe('discount links', () => {
  test('with no cart yet the code is remembered, the shopper lands on the page with utm_* kept, and the first add applies it', async ({
    page,
  }) => {
    await page.goto(
      `/discount/WELCOME10?redirect=${encodeURIComponent(`${PDP}?size=60`)}&utm_source=email&utm_campaign=december&gclid=drop`,
    );
    await expect(page).toHaveURL(`${PDP}?size=60&utm_source=email&utm_campaign=december`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vitamin D3 + K2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.goto('/cart');
    await expect(
      page
        .getByRole('list', { name: 'Discount codes on your cart' })
        .getByText('WELCOME10', { exact: true }),
    ).toBeVisible();
    await expect(page.getByTestId('cart-total')).toHaveText('$17.10');
  });

  test('with a cart, the code goes on it at once', async ({ page }) => {
    await page.goto('/cart/D3K2-60:1');
    await page.goto('/discount/welcome10?redirect=/cart');
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.getByTestId('cart-total')).toHaveText('$17.10');
  });

  test('a code the store refuses for the cart is a 422 page that links on to the landing page', async ({
    page,
  }) => {
    await page.goto('/cart/D3K2-60:1');
    const response = await page.goto(`/discount/NOPE?redirect=${PDP}`);
    expect(response?.status()).toBe(422);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Discount code NOPE could not be applied',
    );
    await expect(page.getByRole('link', { name: 'Continue to the store' })).toHaveAttribute(
      'href',
      PDP,
    );
  });

  test('off-site and other hostile landings are refused with a readable 400, and nothing is remembered', async ({
    request,
  }) => {
    for (const redirect of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '/discount/OTHER',
    ]) {
      const response = await request.get(
        `/discount/WELCOME10?redirect=${encodeURIComponent(redirect)}`,
        { maxRedirects: 0 },
      );
      expect(response.status(), redirect).toBe(400);
      expect(response.headers()['content-type']).toContain('text/html');
      expect(await response.text(), redirect).toMatch(
        /<h1>This link (points to another site|lands on another campaign link)<\/h1>/,
      );
      expect(response.headers()['set-cookie'] ?? '', redirect).not.toContain('discount_code');
    }
    const tooLong = await request.get(`/discount/${'A'.repeat(65)}`, { maxRedirects: 0 });
    expect(tooLong.status()).toBe(400);
  });
});
