import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForCartLoad } from './support/cart-load';

const PDP = '/products/vitamin-d3-k2';
const SECTIONS = [
  {
    id: 'benefits',
    title: 'Key health benefits',
    text: 'The science supporting this partnership is strong',
  },
  {
    id: 'mechanism',
    title: 'How D3 and K2 work together',
    text: 'Vitamin K2 acts like a traffic cop for calcium',
  },
  {
    id: 'who-benefits',
    title: 'Who might benefit',
    text: 'This combination can be a good fit for many people',
  },
  {
    id: 'safety',
    title: 'Safety and considerations',
    text: 'The tolerable upper intake level for vitamin D is 4,000 IU per day',
  },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const summary = (page: Page, title: string) =>
  page.locator('summary').filter({ has: page.getByRole('heading', { name: title }) });
const details = (page: Page, title: string) =>
  page.locator('details').filter({ has: summary(page, title) });

test('the server HTML has the whole page without JavaScript', async ({ request }) => {
  const html = await (await request.get(PDP)).text();
  expect(html.match(/<h1[^>]*>/g)).toHaveLength(1);
  expect(html).toContain('Vitamin D3 + K2</h1>');
  for (const section of SECTIONS) {
    expect(html).toContain(section.title);
    expect(html).toContain(section.text);
  }
  expect(html.match(/rel="noopener noreferrer"/g)).toHaveLength(55);
  expect(html).toContain(
    'These statements have not been evaluated by the Food and Drug Administration.',
  );
  expect(html).toContain('Supplement Facts');
});

test('each section opens and closes by mouse', async ({ page }) => {
  await page.goto(PDP);
  for (const section of SECTIONS) {
    const body = page.getByText(section.text);
    const wasOpen = await details(page, section.title).evaluate(
      (element: HTMLDetailsElement) => element.open,
    );
    await summary(page, section.title).click();
    await expect(details(page, section.title)).toHaveJSProperty('open', !wasOpen);
    await (wasOpen ? expect(body).toBeHidden() : expect(body).toBeVisible());
    await summary(page, section.title).click();
    await expect(details(page, section.title)).toHaveJSProperty('open', wasOpen);
  }
});

test('each section opens and closes by keyboard', async ({ page }) => {
  await page.goto(PDP);
  for (const [index, section] of SECTIONS.entries()) {
    await summary(page, section.title).focus();
    await expect(summary(page, section.title)).toBeFocused();
    const wasOpen = await details(page, section.title).evaluate(
      (element: HTMLDetailsElement) => element.open,
    );
    await page.keyboard.press(index % 2 === 0 ? 'Enter' : 'Space');
    await expect(details(page, section.title)).toHaveJSProperty('open', !wasOpen);
    await page.keyboard.press(index % 2 === 0 ? 'Space' : 'Enter');
    await expect(details(page, section.title)).toHaveJSProperty('open', wasOpen);
  }
  // From the top of the page, Tab reaches the first summary.
  await page.goto(PDP);
  let reached = false;
  for (let tab = 0; tab < 60 && !reached; tab++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY');
  }
  expect(reached).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every section is readable', async ({ page }) => {
    await page.goto(PDP);
    for (const section of SECTIONS) {
      const open = await details(page, section.title).evaluate(
        (element: HTMLDetailsElement) => element.open,
      );
      if (!open) await summary(page, section.title).click();
      await expect(page.getByText(section.text)).toBeVisible();
    }
  });
});

test('55 citation links, unique and absolute, opened safely', async ({ page }) => {
  await page.goto(PDP);
  const links = page.locator(
    'section[aria-labelledby="works-cited-heading"] ol > li > a[rel="noopener noreferrer"]',
  );
  await expect(links).toHaveCount(55);
  const hrefs = await links.evaluateAll((anchors) =>
    anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
  );
  expect(new Set(hrefs).size).toBe(55);
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\/[^\s]+$/);
});

test('a footnote jumps to its citation and the citation links back', async ({ page }) => {
  await page.goto(PDP);
  const marker = page.locator('#ref-ods-vitamin-d-1');
  await marker.click();
  await expect(page).toHaveURL(/#cite-ods-vitamin-d$/);
  await expect(page.locator('#cite-ods-vitamin-d')).toBeInViewport();
  await page.locator('#cite-ods-vitamin-d').locator('a[href="#ref-ods-vitamin-d-1"]').click();
  await expect(page).toHaveURL(/#ref-ods-vitamin-d-1$/);
  await expect(marker).toBeInViewport();
});

test('what lies below the first screen is laid out once the shopper scrolls to it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PDP);
  const citation = page.locator('#cite-ods-vitamin-d');
  const rendered = () =>
    citation.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }));
  // Skipped by content-visibility: auto while far below, so the first paint does not lay it out...
  expect(await rendered()).toBe(false);
  // ...yet it is in the accessibility tree all along, and rendered when scrolled to.
  await expect(
    page.getByRole('link', { name: 'Vitamin D - Health Professional Fact Sheet', exact: true }),
  ).toHaveCount(1);
  await page.getByRole('heading', { name: 'Works cited' }).scrollIntoViewIfNeeded();
  await expect.poll(rendered).toBe(true);
  await expect(citation).toBeInViewport();
});

test('#safety opens Safety and scrolls to it', async ({ page }) => {
  await page.goto(`${PDP}#safety`);
  await expect(details(page, 'Safety and considerations')).toHaveJSProperty('open', true);
  await expect(page.getByText('Vitamin K can interfere with the effectiveness')).toBeInViewport();
});

test('the safety note and Supplement Facts are visible without opening anything', async ({
  page,
}) => {
  await page.goto(PDP);
  await expect(
    page.getByText('Taking a blood thinner such as warfarin? Talk to your doctor first.'),
  ).toBeVisible();
  const facts = page.getByRole('table', { name: /Supplement Facts/ });
  await expect(facts).toBeVisible();
  await expect(
    facts.getByRole('rowheader', { name: 'Vitamin D3 (as cholecalciferol)' }),
  ).toBeVisible();
  await expect(facts).toContainText('Servings per container: 60');
  await expect(facts).toContainText('250%');
});

test('each product has its own safety note: the D3-only page says nothing about vitamin K', async ({
  page,
}) => {
  await page.goto('/products/vitamin-d3');
  const note = page.getByTestId('safety-note');
  await expect(note).toContainText(
    'Taking prescription medication? Ask your doctor or pharmacist before starting.',
  );
  await expect(note).not.toContainText(/warfarin|blood thinner|vitamin K/i);
  await note.getByRole('link', { name: 'Read safety information' }).click();
  await expect(page.getByText('Some medicines interact with vitamin D.')).toBeInViewport();
});

test('every size and plan a link can choose is a static page; one the product does not sell is a 404', async ({
  request,
}) => {
  for (const path of [
    PDP,
    `${PDP}?size=120`,
    `${PDP}?plan=30`,
    `${PDP}?size=60&plan=90`,
    '/products/vitamin-d3?size=180',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toContain('s-maxage=300');
  }
  for (const path of [
    `${PDP}?size=999`,
    `${PDP}?size=120&plan=45`,
    '/products/vitamin-d3?plan=30',
    '/products/no-such-product',
    '/products/no-such-product?size=120',
    `${PDP}/size/120/plan/30/more`,
    `${PDP}/colour/red`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a size link loads that size’s page, under the product’s canonical address', async ({
    page,
  }) => {
    await page.goto('/products/vitamin-d3');
    await page.getByRole('link', { name: '180 softgels' }).click();
    await expect(page).toHaveURL(/\/products\/vitamin-d3\?size=180$/);
    await expect(page.getByRole('link', { name: '180 softgels' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(page.getByRole('table', { name: /Supplement Facts/ })).toContainText(
      'Servings per container: 180',
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/products\/vitamin-d3$/,
    );
  });
});

test('/ lists both products', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Vitamin D3 \+ K2/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Vitamin D3 2,000 IU/ })).toBeVisible();
});

test('the second product, added as content only, has its page and can be added to the cart', async ({
  page,
}) => {
  // The cart loads once the page has hydrated; a click before that posts the form.
  const cartLoaded = waitForCartLoad(page);
  await page.goto('/products/vitamin-d3');
  await expect(page.getByRole('heading', { level: 1, name: 'Vitamin D3 2,000 IU' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeEnabled();
  await cartLoaded;
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Your cart' }).getByTestId('cart-line'),
  ).toContainText('Vitamin D3 2,000 IU');
});

test('axe finds no violations with sections closed and open', async ({ page }) => {
  await page.goto(PDP);
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  await page
    .locator('details')
    .evaluateAll((elements) =>
      elements.forEach((element) => ((element as HTMLDetailsElement).open = true)),
    );
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
});

for (const width of [390, 1280]) {
  test(`screenshot at ${width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(PDP);
    await page.waitForLoadState('networkidle');
    const file = `test-results/screenshots/pdp-${width}.png`;
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    // A full-page capture leaves blocks that content-visibility: auto skips (below the first screen,
    // app/globals.css) blank; a shopper who scrolls sees them laid out (next test), so render them here.
    await page.screenshot({
      path: file,
      fullPage: true,
      style: '.below-fold { content-visibility: visible }',
    });
    await testInfo.attach(`pdp-${width}`, { path: file, contentType: 'image/png' });
    // Nothing may be wider than the viewport on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  });
}
