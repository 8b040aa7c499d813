/**
 * The two links Shopify's online store understands, so email and social campaigns written for it
 * keep working here:
 * - a cart permalink, `/cart/<variant>:<qty>[,<variant>:<qty>…]?discount=CODE`, builds a cart and
 *   goes to checkout;
 * - a discount link, `/discount/CODE?redirect=/products/…`, applies a code and lands on the page.
 * Both are typed by strangers into address bars and pasted from spreadsheets: everything here is
 * checked against a limit with a number, and refused with a sentence saying what to fix.
 */

/** Lines one link may carry; a campaign sells a bundle, not a catalogue. */
export const MAX_LINK_LINES = 10;
/** Units of one variant, as in the cart. */
export const MAX_LINK_QUANTITY = 99;
/** Codes one link may apply (Shopify accepts several, comma-separated). */
export const MAX_LINK_CODES = 5;
/** As the cart's code field: letters, digits, dashes and underscores. */
export const MAX_CODE_LENGTH = 64;
/** The `/cart/…` segment as typed; longer is not a campaign link. */
export const MAX_LINES_LENGTH = 600;
/** A landing path, query included. */
export const MAX_REDIRECT_LENGTH = 512;
/** utm_* parameters carried to the landing page, and the length of each value. */
export const MAX_UTM_PARAMS = 10;
export const MAX_UTM_LENGTH = 200;

const CODE = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_CODE_LENGTH}}$`);
/** Shopify's numeric variant id; the demonstration store names its variants by SKU. */
const VARIANT = /^[A-Za-z0-9_-]{1,64}$/;

export type Refusal = { ok: false; status: 400 | 414; title: string; message: string };
const refuse = (title: string, message: string, status: 400 | 414 = 400): Refusal => ({
  ok: false,
  status,
  title,
  message,
});

export interface CartLink {
  ok: true;
  lines: Array<{ merchandiseId: string; quantity: number }>;
  discountCodes: string[];
}

export const variantGid = (id: string) => `gid://shopify/ProductVariant/${id}`;

/** `12345:2,67890:1` and `?discount=CODE` → the lines and codes, or why not. */
export function parseCartLink(segment: string, discount: string | null): CartLink | Refusal {
  if (segment.length > MAX_LINES_LENGTH)
    return refuse(
      'This cart link is too long',
      `A cart link lists at most ${MAX_LINK_LINES} products, written like /cart/12345:2,67890:1.`,
      414,
    );
  const entries = segment.split(',');
  if (entries.length > MAX_LINK_LINES)
    return refuse(
      'This cart link has too many products',
      `A cart link can carry at most ${MAX_LINK_LINES} products; this one lists ${entries.length}.`,
    );
  const quantities = new Map<string, number>();
  for (const entry of entries) {
    const match = /^([^:]*):(\d{1,3})$/.exec(entry.trim()) ?? /^([^:]*)$/.exec(entry.trim());
    const variant = match?.[1] ?? '';
    if (!match || !VARIANT.test(variant))
      return refuse(
        'This cart link is not written correctly',
        'Each product in a cart link is a variant id and a quantity, like /cart/12345:2,67890:1.',
      );
    const quantity = match[2] === undefined ? 1 : Number(match[2]);
    const total = (quantities.get(variant) ?? 0) + quantity;
    if (quantity < 1 || total > MAX_LINK_QUANTITY)
      return refuse(
        'This cart link asks for a quantity the cart does not take',
        `Each product's quantity must be from 1 to ${MAX_LINK_QUANTITY}.`,
      );
    quantities.set(variant, total);
  }
  const codes = parseCodes(discount);
  if (!codes.ok) return codes;
  return {
    ok: true,
    lines: [...quantities].map(([id, quantity]) => ({ merchandiseId: variantGid(id), quantity })),
    discountCodes: codes.codes,
  };
}

function parseCodes(value: string | null): { ok: true; codes: string[] } | Refusal {
  if (value === null || value.trim() === '') return { ok: true, codes: [] };
  const codes = value.split(',').map((code) => code.trim());
  if (codes.length > MAX_LINK_CODES)
    return refuse(
      'This link has too many discount codes',
      `A link can apply at most ${MAX_LINK_CODES} discount codes.`,
    );
  if (!codes.every((code) => CODE.test(code)))
    return refuse(
      'This discount code is not written correctly',
      `A discount code is letters, digits, dashes and underscores, up to ${MAX_CODE_LENGTH} characters.`,
    );
  return { ok: true, codes: [...new Set(codes.map((code) => code.toUpperCase()))] };
}

export interface DiscountLink {
  ok: true;
  code: string;
  /** A path on this site, with its own query and the link's utm_* parameters. */
  landing: string;
}

/**
 * `/discount/CODE?redirect=/products/…&utm_source=…` → the code and where to land. Only a path on
 * this site is a landing (never another site, `//host`, a scheme or a backslash trick); without
 * `redirect` it is the home page. utm_* parameters go along, so the campaign is still counted.
 */
export function parseDiscountLink(code: string, query: URLSearchParams): DiscountLink | Refusal {
  const codes = parseCodes(code);
  if (!codes.ok) return codes;
  if (codes.codes.length !== 1)
    return refuse(
      'This discount link has no code',
      'A discount link names one code, like /discount/WELCOME10.',
    );
  const redirect = query.get('redirect') ?? '/';
  if (redirect.length > MAX_REDIRECT_LENGTH)
    return refuse(
      'This link lands on an address that is too long',
      `The page after redirect= can be at most ${MAX_REDIRECT_LENGTH} characters.`,
      414,
    );
  const landing = sameSitePath(redirect);
  if (landing && LINK_PATHS.test(landing.pathname))
    return refuse(
      'This link lands on another campaign link',
      'Land on a page, like /products/vitamin-d3-k2; a link cannot lead to another cart or discount link.',
    );
  if (!landing)
    return refuse(
      'This link points to another site',
      'A discount link can only land on a page of this store, written as a path like /products/vitamin-d3-k2.',
    );
  const utm = [...query].filter(([name]) => name.startsWith('utm_'));
  if (
    utm.length > MAX_UTM_PARAMS ||
    utm.some(([name, value]) => name.length > 40 || value.length > MAX_UTM_LENGTH)
  )
    return refuse(
      'This link carries too much campaign data',
      `A link can carry at most ${MAX_UTM_PARAMS} utm_ parameters of up to ${MAX_UTM_LENGTH} characters each.`,
    );
  for (const [name, value] of utm)
    if (!landing.searchParams.has(name)) landing.searchParams.append(name, value);
  return {
    ok: true,
    code: codes.codes[0]!,
    landing: `${landing.pathname}${landing.search}${landing.hash}`,
  };
}

const BASE = 'https://this-site.invalid';
/** Landing on another link would chain their effects (or loop); landing on the API makes no page. */
const LINK_PATHS = /^\/(cart|discount|api)\//;

/** The path as a URL on this site, or null when it would leave it. */
function sameSitePath(path: string): URL | null {
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil.example" would be another host.
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(path))
    return null;
  try {
    const url = new URL(path, BASE);
    return url.origin === BASE ? url : null;
  } catch {
    return null;
  }
}
