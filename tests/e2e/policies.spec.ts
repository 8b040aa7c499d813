import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { onlineStoreSchema, schemaProblems } from '../support/merchant-policies-schema';
import { describeTests, validateStructuredData } from '../support/structured-data';

const POLICY = '/policies/shipping-returns';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface PoliciesFile {
  shipping: { rate: number; freeOver: number; holidays: string[] };
  returns: { days: number; howTo: string };
  subscriptions: { charged: string; renewal: string; cancel: string };
}

/** The server runs on the real content; expectations follow the file, not a copy of it. */
const policies = () => parse(fs.readFileSync('content/policies.yaml', 'utf8')) as PoliciesFile;

test.describe('the store policy page', () => {
  test.use({ javaScriptEnabled: false });

  test('is linked from every page’s footer and states the policy from content/policies.yaml', async ({
    page,
  }) => {
    const { shipping, returns, subscriptions } = policies();
    await page.goto('/products/vitamin-d3-k2');
    await page
      .getByRole('navigation', { name: 'Store policies' })
      .getByRole('link', { name: 'Shipping, returns and subscriptions' })
      .click();
    await expect(page).toHaveURL(POLICY);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Shipping, returns and subscriptions',
    );
    const main = page.getByRole('main');
    await expect(main).toContainText(
      `Orders of $${shipping.freeOver.toFixed(2)} or more ship free; below that, shipping is $${shipping.rate.toFixed(2)}.`,
    );
    await expect(main).toContainText(
      'An order placed before 2:00 PM Eastern Time on a business day',
    );
    await expect(main).toContainText('Business days are Monday to Friday');
    await expect(main).toContainText(`within ${returns.days} days of delivery`);
    for (const text of [
      returns.howTo,
      subscriptions.charged,
      subscriptions.renewal,
      subscriptions.cancel,
    ])
      await expect(main).toContainText(text.replace(/\s+/g, ' ').trim());
    // Holidays that have passed are not listed; the rest are, by name.
    const today = new Date().toISOString().slice(0, 10);
    const upcoming = shipping.holidays.map(String).filter((date) => date > today);
    await expect(page.getByRole('list', { name: 'Holidays' }).locator('time')).toHaveCount(
      upcoming.length,
    );
  });

  test('carries the store JSON-LD, passing the presets and the schema check', async ({
    request,
  }) => {
    const html = await (await request.get(POLICY)).text();
    const result = await validateStructuredData(html);
    expect(result.schemas).toEqual(['OnlineStore']);
    expect(describeTests(result.failed)).toEqual([]);
    const store = JSON.parse(
      /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!,
    ) as unknown;
    expect(schemaProblems(onlineStoreSchema, store)).toEqual([]);
  });

  test('passes the Nu HTML Checker with no errors', async ({ request }) => {
    const file = path.join(os.tmpdir(), `policy-${process.pid}.html`);
    fs.writeFileSync(file, await (await request.get(POLICY)).text());
    let output = '';
    try {
      output = execFileSync(
        'java',
        [
          '-jar',
          'node_modules/vnu-jar/build/dist/vnu.jar',
          '--errors-only',
          '--format',
          'gnu',
          file,
        ],
        { encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (error) {
      output = String((error as { stderr?: string }).stderr ?? error);
    }
    expect(output.trim()).toBe('');
  });
});

test('the store policy page has no axe violations', async ({ page }) => {
  await page.goto(POLICY);
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
});
