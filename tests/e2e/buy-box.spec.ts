import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PDP = '/products/vitamin-d3-k2';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const buyBox = (page: Page) => page.getByRole('region', { name: 'Buy' });

/** Wed Dec 2 2026, 10:40 am in New York: 3 h 20 min before the 2 pm cut-off. */
const WEDNESDAY_MORNING = new Date('2026-12-02T15:40:00Z');

test.describe('the buy box answers the last questions before buying', () => {
  test('with JavaScript: unit price per size, shipping, the delivery dates with the countdown, returns', async ({
    page,
  }) => {
    await page.clock.install({ time: WEDNESDAY_MORNING });
    await page.goto(PDP);
    const box = buyBox(page);
    await expect(box.getByTestId('unit-price')).toHaveText('$0.32 per softgel · $0.32 a day');
    await expect(box.getByRole('link', { name: /60 softgels/ })).toContainText('$0.32 per softgel');
    await expect(box.getByRole('link', { name: /120 softgels/ })).toContainText(
      '$0.27 per softgel',
    );
    await expect(box.getByTestId('shipping-note')).toHaveText(
      'Free shipping on orders of $35.00 or more; $4.95 below that',
    );
    const delivery = box.getByTestId('delivery-estimate');
    await expect(delivery).toHaveText(/^Arrives Dec 7\s–\s10if you order within 3 h 20 min$/);
    await expect(box.getByTestId('return-promise')).toContainText(
      '30-day returns, opened bottles too; return shipping is free.',
    );
    await expect(box.getByRole('link', { name: 'Shipping & returns' })).toHaveAttribute(
      'href',
      '/policies/shipping-returns#returns',
    );
  });

  test('the dates replace the server text in place: no layout shift', async ({ page }) => {
    await page.clock.install({ time: WEDNESDAY_MORNING });
    await page.goto(PDP);
    await expect(buyBox(page).getByTestId('delivery-estimate')).toContainText('Arrives Dec');
    const shift = await page.evaluate(
      () =>
        new Promise<{ total: number; moved: string[] }>((resolve) => {
          let total = 0;
          const moved: string[] = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<
              PerformanceEntry & { value: number; sources?: Array<{ node?: Node | null }> }
            >) {
              total += entry.value;
              for (const source of entry.sources ?? [])
                moved.push((source.node as Element | null)?.outerHTML?.slice(0, 100) ?? '?');
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve({ total, moved }), 500);
        }),
    );
    // Nothing the shopper can see moves (first paints mid-document: tests/e2e/first-paint.spec.ts).
    expect(shift.total, `moved: ${shift.moved.join(' | ')}`).toBe(0);
  });

  test('subscribe: the price per delivery, unit price and the terms beside the choice', async ({
    page,
  }) => {
    await page.goto(`${PDP}?plan=30`);
    const box = buyBox(page);
    await expect(box.getByTestId('unit-price')).toHaveText('$0.29 per softgel · $0.29 a day');
    const terms = box.getByTestId('subscription-terms');
    await expect(terms).toContainText(
      '$17.10 per delivery, delivered every 30 days, plus $4.95 shipping (free on orders of $35.00 or more).',
    );
    await expect(terms).toContainText(
      'The next charge is 30 days after this order, when the next delivery ships.',
    );
    await expect(terms).toContainText('renews automatically until you cancel');
    await expect(terms).toContainText('There is no fee to cancel');
    expect(
      (
        await new AxeBuilder({ page })
          .include('section[aria-label="Buy"]')
          .withTags(AXE_TAGS)
          .analyze()
      ).violations,
    ).toEqual([]);
  });

  test('the shipping line follows the cart once it has something in it', async ({ page }) => {
    await page.goto(PDP);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const drawer = page.getByRole('dialog', { name: 'Your cart' });
    await expect(drawer.getByTestId('shipping-progress')).toContainText(
      'Add $16.00 for free shipping; until then shipping is $4.95.',
    );
    await drawer.getByRole('button', { name: 'Close cart' }).click();
    await expect(buyBox(page).getByTestId('shipping-note')).toHaveText(
      'Your cart is $16.00 away from free shipping',
    );
    await page.goto(`${PDP}?size=120`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(drawer.getByTestId('shipping-progress')).toContainText('Your order ships free.');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the same answers, in words that are true on any day', async ({ page }) => {
      await page.goto(`${PDP}?plan=30`);
      const box = buyBox(page);
      await expect(box.getByTestId('unit-price')).toHaveText('$0.29 per softgel · $0.29 a day');
      await expect(box.getByTestId('shipping-note')).toHaveText(
        'Free shipping on orders of $35.00 or more; $4.95 below that',
      );
      await expect(box.getByTestId('delivery-estimate')).toHaveText(
        'Arrives in 3–6 business daysShips in 1–2 business days',
      );
      await expect(box.getByTestId('return-promise')).toContainText('30-day returns');
      await expect(box.getByTestId('subscription-terms')).toContainText('$17.10 per delivery');
    });
  });
});

test.describe('stock warnings in the cart line', () => {
  test.describe.configure({ mode: 'serial' });

  test('an order takes most of the 180s, so there are 51 left', async ({ page }) => {
    await page.goto('/cart/D3-180:99');
    await expect(page).toHaveURL(/\/checkout$/);
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { name: /your order is placed/ })).toBeVisible();
  });

  test('with JavaScript: asking for more than is left keeps what is left in the cart, and the line says so', async ({
    page,
  }) => {
    await page.goto('/cart/D3-180:51');
    await page.goto('/products/vitamin-d3?size=180');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const line = page.getByRole('dialog', { name: 'Your cart' }).getByTestId('cart-line');
    await expect(line.getByRole('alert')).toHaveText(
      'Only 51 of Vitamin D3 2,000 IU (180 softgels) are in stock; your cart has all 51.',
    );
    await expect(line.getByTestId('line-quantity')).toHaveText('51');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the same post lands on /cart with the message on the line', async ({ page }) => {
      await page.goto('/cart/D3-180:51');
      await page.goto('/products/vitamin-d3?size=180');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await expect(page).toHaveURL(/\/cart$/);
      const line = page.getByTestId('cart-line');
      await expect(line.getByTestId('line-quantity')).toHaveText('51');
      await expect(line.getByRole('alert')).toHaveText(
        'Only 51 of Vitamin D3 2,000 IU (180 softgels) are in stock; your cart has all 51.',
      );
    });
  });
});
