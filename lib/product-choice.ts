/**
 * What a product page preselects: a size, a subscription plan (by its delivery interval), both or
 * neither. Links say it as `?size=120&plan=60`, the address shoppers share and search engines know;
 * the route says it as path segments, `/size/120/plan/60`, because a static page is found by its
 * path. The rewrites below turn the first into the second, so both name the same prerendered page.
 */
export interface ProductChoice {
  size?: number;
  planIntervalDays?: number;
}

/** The numbers a link may carry; anything else in `?size=`/`?plan=` shows the product's own page. */
const SIZE_DIGITS = '\\d{1,4}';
const PLAN_DIGITS = '\\d{1,3}';
const SIZE = new RegExp(`^${SIZE_DIGITS}$`);
const PLAN = new RegExp(`^${PLAN_DIGITS}$`);

/** The public address of a choice, as the buy box links to it. */
export function productHref(handle: string, { size, planIntervalDays }: ProductChoice): string {
  const query = new URLSearchParams();
  if (size !== undefined) query.set('size', String(size));
  if (planIntervalDays !== undefined) query.set('plan', String(planIntervalDays));
  const search = query.toString();
  return `/products/${handle}${search ? `?${search}` : ''}`;
}

/** The route segments below `/products/<handle>` for a choice. */
export function choiceSegments({ size, planIntervalDays }: ProductChoice): string[] {
  return [
    ...(size === undefined ? [] : ['size', String(size)]),
    ...(planIntervalDays === undefined ? [] : ['plan', String(planIntervalDays)]),
  ];
}

/** Reads the route segments back; null when they are not a choice `choiceSegments` could write. */
export function parseChoiceSegments(segments: readonly string[] = []): ProductChoice | null {
  const choice: ProductChoice = {};
  const rest = [...segments];
  if (rest[0] === 'size' && SIZE.test(rest[1] ?? '')) {
    choice.size = Number(rest[1]);
    rest.splice(0, 2);
  }
  if (rest[0] === 'plan' && PLAN.test(rest[1] ?? '')) {
    choice.planIntervalDays = Number(rest[1]);
    rest.splice(0, 2);
  }
  return rest.length === 0 ? choice : null;
}

/**
 * For next.config.ts: a product link's `?size=`/`?plan=` served by the static page of that choice.
 * Config rewrites, not proxy.ts ones: Next sends a proxy rewrite over HTTP back to itself when
 * `next start` listens on a loopback address, as it does behind nginx (vercel/next.js#94745).
 */
export function choiceRewrites() {
  const size = { type: 'query' as const, key: 'size', value: `(?<size>${SIZE_DIGITS})` };
  const plan = { type: 'query' as const, key: 'plan', value: `(?<plan>${PLAN_DIGITS})` };
  const product = '/products/:handle';
  return [
    { source: product, has: [size, plan], destination: `${product}/size/:size/plan/:plan` },
    { source: product, has: [plan], destination: `${product}/plan/:plan` },
    { source: product, has: [size], destination: `${product}/size/:size` },
  ];
}
