import type { Page, Request } from '@playwright/test';

export const PDP = '/products/vitamin-d3-k2';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Everything the page pushes to `window.dataLayer`, kept across navigations. It watches for the
 * page's own `window.dataLayer ??= []` instead of creating the array, so a page that never gets
 * consent still has no dataLayer at all.
 */
export async function recordDataLayer(page: Page): Promise<Array<Record<string, unknown>>> {
  const pushed: Array<Record<string, unknown>> = [];
  await page.exposeFunction('__recordDataLayer', (json: string) => pushed.push(JSON.parse(json)));
  await page.addInitScript(() => {
    let layer: unknown[] | undefined;
    const record = (window as unknown as { __recordDataLayer: (json: string) => void })
      .__recordDataLayer;
    Object.defineProperty(window, 'dataLayer', {
      configurable: true,
      get: () => layer,
      set(value: unknown[]) {
        layer = value;
        const push = value.push.bind(value);
        value.push = (...items: unknown[]) => {
          // gtag() pushes `arguments` objects: recorded as plain arrays.
          for (const item of items)
            record(
              JSON.stringify(isArguments(item) ? Array.from(item as ArrayLike<unknown>) : item),
            );
          return push(...items);
        };
      },
    });
    function isArguments(value: unknown) {
      return Object.prototype.toString.call(value) === '[object Arguments]';
    }
  });
  return pushed;
}

/** GA4 ecommerce events, in the order pushed. */
export const ecommerceOf = (pushed: Array<Record<string, unknown>>) =>
  pushed.filter((item) => typeof item.event === 'string' && item.ecommerce);

/** Every request the page makes, from now on. */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

/** The page made hidden, as when the shopper switches tabs: web-vitals reports what it has then. */
export async function hidePage(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** Global Privacy Control as a browser that sends it: the header and the script-visible flag. */
export async function turnOnGpc(page: Page): Promise<void> {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  );
}

/** The consent code has run its course on this page: it asked the server, or knew it need not. */
export async function consentSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.waitForTimeout(300);
}

/**
 * A click the browser counts as an interaction for INP. web-vitals only reports interactions of at
 * least 40 ms, and opening a section is faster than that on an idle machine, so the click's handler
 * holds the main thread for a little longer than the threshold.
 */
export async function slowClick(page: Page, text: string): Promise<void> {
  await page.evaluate(() =>
    document.addEventListener(
      'click',
      () => {
        const until = performance.now() + 80;
        while (performance.now() < until);
      },
      { once: true },
    ),
  );
  await page.getByText(text).click();
  // The interaction's entry is delivered after the next paint.
  await page.waitForTimeout(200);
}
