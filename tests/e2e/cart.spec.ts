import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PDP = '/products/vitamin-d3-k2';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function openPdpReady(page: Page, path = PDP) {
  await page.goto(path);
  // The AddToCartButton replaces the plain form button once the cart island has hydrated.
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeEnabled();
  await page.waitForFunction(() => document.querySelector('[data-testid="cart-count"]') !== null);
}

function drawer(page: Page) {
  return page.getByRole('dialog', { name: 'Your cart' });
}

test.describe('cart with JavaScript', () => {
  test('choose 120, add, change quantity, reload, remove, and check out', async ({ page }) => {
    await openPdpReady(page);
    await expect(page.getByText('$19.00').first()).toBeVisible();

    await page.getByRole('link', { name: '120 softgels' }).click();
    await expect(page).toHaveURL(/\?size=120$/);
    const buyBox = page.getByRole('region', { name: 'Buy' });
    await expect(buyBox.getByText('$32.00')).toBeVisible();
    await expect(buyBox.getByText('$38.00')).toBeVisible();
    await expect(page.getByRole('img', { name: /Vitamin D3 \+ K2 softgels, 120 softgels/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeEnabled();

    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Added to cart' })).toHaveCount(1);
    const line = drawer(page).getByTestId('cart-line');
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('120 softgels');
    await expect(drawer(page).getByText('Subtotal').locator('..')).toContainText('$32.00');

    await line.getByRole('button', { name: 'Increase quantity' }).click();
    await expect(line.getByTestId('line-quantity')).toHaveText('2');
    await expect(drawer(page).getByText('Subtotal').locator('..')).toContainText('$64.00');
    await expect(drawer(page).getByRole('button', { name: 'Check out' })).toBeEnabled();

    await page.reload();
    await expect(page.getByTestId('cart-count')).toContainText('2');
    await page.getByRole('link', { name: /Cart/ }).click();
    await expect(drawer(page).getByTestId('line-quantity')).toHaveText('2');

    await drawer(page).getByRole('button', { name: /Remove/ }).click();
    await expect(drawer(page).getByText('Your cart is empty.')).toBeVisible();
    await expect(page.getByTestId('cart-count')).not.toContainText('2');

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByTestId('cart-line')).toHaveCount(1);
    await drawer(page).getByRole('button', { name: 'Check out' }).click();
    await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
    await expect(page.getByText('Local store checkout')).toBeVisible();
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { name: /your order is placed/ })).toBeVisible();
    await expect(page.getByText(/120 softgels × 1/)).toBeVisible();

    // The order emptied the cart: a new visit starts with an empty cart.
    await page.goto('/cart');
    await expect(page.getByText('Your cart is empty.')).toBeVisible();
  });

  test('ten fast clicks on + end at the right quantity and subtotal', async ({ page }) => {
    await openPdpReady(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const line = drawer(page).getByTestId('cart-line');
    await expect(line).toHaveCount(1);
    const plus = line.getByRole('button', { name: 'Increase quantity' });
    for (let click = 0; click < 10; click++) await plus.click({ delay: 0 });
    await expect(line.getByTestId('line-quantity')).toHaveText('11');
    await expect(drawer(page).getByRole('button', { name: 'Check out' })).toBeEnabled({ timeout: 15_000 });
    await expect(drawer(page).getByText('Subtotal').locator('..')).toContainText('$209.00');

    // What the store holds matches what the shopper sees.
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line').getByTestId('line-quantity')).toHaveText('11');
    await expect(page.getByText('Subtotal').locator('..')).toContainText('$209.00');
  });

  test('drawer: focus moves in, Escape closes, focus returns, no axe violations', async ({ page }) => {
    await openPdpReady(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page)).toBeVisible();
    await expect(drawer(page).getByTestId('cart-line')).toHaveCount(1);

    const axe = await new AxeBuilder({ page }).include('dialog').withTags(AXE_TAGS).analyze();
    expect(axe.violations).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();

    const cartLink = page.getByRole('link', { name: /Cart/ });
    await cartLink.focus();
    await page.keyboard.press('Enter');
    await expect(drawer(page)).toBeVisible();
    const focusInside = await page.evaluate(() => document.activeElement?.closest('dialog') !== null);
    expect(focusInside).toBe(true);
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();
    await expect(cartLink).toBeFocused();
  });

  test('the cart page and the checkout review have no axe violations', async ({ page }) => {
    await openPdpReady(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByTestId('cart-line')).toHaveCount(1);
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
    await page.getByRole('button', { name: 'Check out' }).click();
    await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  });

  test('a storefront that cannot be reached leaves the page readable and the cart retryable', async ({ page }) => {
    await page.route('**/api/*/graphql.json', (route) => route.abort('connectionrefused'));
    await page.goto(PDP);
    await expect(page.getByRole('heading', { level: 1, name: 'Vitamin D3 + K2' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeEnabled();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const alert = page.getByRole('region', { name: 'Buy' }).getByRole('alert').filter({ hasText: 'cannot be reached' });
    await expect(alert).toContainText('cannot be reached');
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Safety and considerations' })).toBeVisible();

    // The store comes back: retrying works.
    await page.unroute('**/api/*/graphql.json');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeEnabled();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer(page).getByTestId('cart-line')).toHaveCount(1);
  });
});

test.describe('cart without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same purchase works with plain form posts', async ({ page }) => {
    await page.goto(PDP);
    await page.getByRole('link', { name: '120 softgels' }).click();
    await expect(page).toHaveURL(/\?size=120$/);
    await expect(page.getByRole('region', { name: 'Buy' }).getByText('$32.00')).toBeVisible();

    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.getByText('Added to cart.')).toBeVisible();
    const line = page.getByTestId('cart-line');
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('120 softgels');

    await line.getByRole('spinbutton').fill('2');
    await line.getByRole('button', { name: 'Update' }).click();
    await expect(page.getByTestId('cart-subtotal')).toHaveText('$64.00');

    await page.reload();
    await expect(page.getByTestId('cart-subtotal')).toHaveText('$64.00');

    await page.getByTestId('cart-line').getByRole('button', { name: /Remove/ }).click();
    await expect(page.getByText('Your cart is empty.')).toBeVisible();

    await page.goto(PDP);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { name: /your order is placed/ })).toBeVisible();
  });
});
