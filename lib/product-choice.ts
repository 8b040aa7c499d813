/**
 * What a product page preselects: a size, a subscription plan (by its delivery interval), both or
 * neither. Links say it as `?size=120&plan=60`, the address shoppers share and search engines know;
 * the route says it as path segments, `/size/120/plan/60`, because a static page is found by its
 * path. proxy.ts turns the first into the second, so both name the same prerendered page.
 */
export interface ProductChoice {
  size?: number;
  planIntervalDays?: number;
}

/** The numbers a link may carry; anything else in `?size=`/`?plan=` shows the product's own page. */
const SIZE = /^\d{1,4}$/;
const PLAN = /^\d{1,3}$/;

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
 * The route path for a product link's `?size=`/`?plan=`, or null when the link preselects nothing
 * (no such parameter, or not a number a page could have).
 */
export function choicePathFromQuery(pathname: string, query: URLSearchParams): string | null {
  const product = /^\/products\/[^/]+$/.exec(pathname);
  if (!product) return null;
  const size = query.get('size') ?? '';
  const plan = query.get('plan') ?? '';
  const segments = choiceSegments({
    size: SIZE.test(size) ? Number(size) : undefined,
    planIntervalDays: PLAN.test(plan) ? Number(plan) : undefined,
  });
  return segments.length === 0 ? null : `${pathname}/${segments.join('/')}`;
}
