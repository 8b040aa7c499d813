import { expect, test } from '@playwright/test';

const PDP = '/products/vitamin-d3-k2';

interface Box {
  x: number;
  y: number;
  /** On the first screen, with an area, and not a screen-reader-only span. */
  shown: boolean;
  name: string;
}

/**
 * Chromium paints a page before all of its HTML has arrived, so the first frame can land between any
 * two tags (where it lands depends on the network). Whatever that frame shows must stay where it is
 * once the rest arrives: anything centred on content that comes later moves, and that is a layout
 * shift before any script runs. So the page's own HTML is cut at every tag up to the first block
 * below the fold, each cut laid out without scripts (as before they run), and every element shown
 * must sit where it sits on the whole page.
 */
for (const width of [390, 1280]) {
  test(`at ${width} px, a first paint between any two tags moves nothing once the rest arrives`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const html = (await (await request.get(PDP)).text()).replace(
      /<script\b[\s\S]*?<\/script>/g,
      '',
    );
    const bodyStart = html.indexOf('<body');
    const firstScreenEnd = html.indexOf('below-fold', bodyStart);
    expect(bodyStart).toBeGreaterThan(0);
    expect(firstScreenEnd).toBeGreaterThan(bodyStart);

    const context = await browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    const boxes = () =>
      page.evaluate(() =>
        [...document.body.querySelectorAll('*')].map((element): Box => {
          const rect = element.getBoundingClientRect();
          return {
            x: rect.x,
            y: rect.y,
            shown:
              rect.width > 1 &&
              rect.height > 1 &&
              rect.y < innerHeight &&
              !element.classList.contains('sr-only'),
            name: `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 40)}"`,
          };
        }),
      );

    await page.setContent(html);
    const final = await boxes();
    const moved: string[] = [];
    // Cut at both ends of every text: after each tag, and before the next.
    const cuts = [...html.slice(bodyStart, firstScreenEnd).matchAll(/>|(?=<)/g)].map(
      (match) => bodyStart + match.index + match[0].length,
    );
    for (const cut of new Set(cuts)) {
      // A prefix's elements are the first elements of the whole document, in the same order.
      await page.setContent(html.slice(0, cut));
      const painted = await boxes();
      painted.forEach((box, index) => {
        const later = final[index]!;
        if (box.shown && later.shown && Math.hypot(box.x - later.x, box.y - later.y) > 0.5)
          moved.push(
            `${box.name} at (${box.x}, ${box.y}) -> (${later.x}, ${later.y}) when cut before ` +
              JSON.stringify(html.slice(cut, cut + 40)),
          );
      });
    }
    await context.close();
    expect(new Set(cuts).size).toBeGreaterThan(200);
    expect(moved, moved.slice(0, 5).join('\n')).toEqual([]);
  });
}
