import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Parser } from 'htmlparser2';

/**
 * Cart writes as a shopper without JavaScript makes them: the PDP's add-to-cart form, posted as the
 * browser posts it. A Server Action form is recognised by the hidden `$ACTION_…` inputs React renders
 * for it (`$ACTION_ID_<id>`, or `$ACTION_REF_…` for a bound action); every field of the form goes into
 * the post, as the browser sends them.
 */
export interface AddToCartForm {
  kind: 'server-action' | 'plain-form';
  /** Absolute URL the form posts to (a Server Action form posts to the page itself). */
  actionUrl: string;
  enctype: 'multipart/form-data' | 'application/x-www-form-urlencoded';
  fields: Array<[string, string]>;
  merchandiseId: string;
  quantity: number;
}

interface ParsedForm {
  attributes: Record<string, string>;
  fields: Array<[string, string]>;
}

function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  let form: ParsedForm | null = null;
  let select: { name: string; value: string | null; first: string | null } | null = null;
  let option: { value: string | null; selected: boolean; text: string } | null = null;
  let textarea: { name: string; text: string } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'form') form = { attributes, fields: [] };
        if (!form) return;
        if (name === 'input' && attributes.name !== undefined && !attributes.disabled) {
          const type = (attributes.type ?? 'text').toLowerCase();
          if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) return;
          if ((type === 'checkbox' || type === 'radio') && attributes.checked === undefined) return;
          form.fields.push([
            attributes.name,
            attributes.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''),
          ]);
        }
        if (name === 'select' && attributes.name !== undefined)
          select = { name: attributes.name, value: null, first: null };
        if (name === 'option' && select)
          option = {
            value: attributes.value ?? null,
            selected: attributes.selected !== undefined,
            text: '',
          };
        if (name === 'textarea' && attributes.name !== undefined)
          textarea = { name: attributes.name, text: '' };
      },
      ontext(text) {
        if (option) option.text += text;
        if (textarea) textarea.text += text;
      },
      onclosetag(name) {
        if (name === 'option' && select && option) {
          const value = option.value ?? option.text.trim();
          select.first ??= value;
          if (option.selected) select.value = value;
          option = null;
        }
        if (name === 'select' && select) {
          const value = select.value ?? select.first;
          if (form && value !== null) form.fields.push([select.name, value]);
          select = null;
        }
        if (name === 'textarea' && textarea) {
          form?.fields.push([textarea.name, textarea.text.replace(/^\n/, '')]);
          textarea = null;
        }
        if (name === 'form' && form) {
          forms.push(form);
          form = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return forms;
}

/**
 * The PDP's add-to-cart form: a form with a `merchandiseId` field, preferably a Server Action form.
 * Without one, a plain `<form method="post" action="/…">` with that field (the pre-Server-Action
 * buy box). Null with the reason when the page has neither.
 */
export function findAddToCartForm(
  html: string,
  pageUrl: string,
): { form: AddToCartForm } | { reason: string } {
  const candidates = parseForms(html).filter((form) =>
    form.fields.some(([name]) => name === 'merchandiseId'),
  );
  if (candidates.length === 0) return { reason: 'the PDP has no form with a merchandiseId field' };
  const isAction = (form: ParsedForm) => form.fields.some(([name]) => name.startsWith('$ACTION_'));
  const chosen =
    candidates.find(isAction) ??
    candidates.find(
      (form) =>
        (form.attributes.method ?? '').toLowerCase() === 'post' &&
        (form.attributes.action ?? '') !== '',
    );
  if (!chosen)
    return {
      reason:
        'the add-to-cart form has no $ACTION_ID_ input (not a Server Action form) and does not post anywhere',
    };
  const kind = isAction(chosen) ? 'server-action' : 'plain-form';
  const enctype =
    (chosen.attributes.enctype ?? '').toLowerCase() === 'multipart/form-data' ||
    kind === 'server-action'
      ? 'multipart/form-data'
      : 'application/x-www-form-urlencoded';
  const field = (name: string) => chosen.fields.find(([key]) => key === name)?.[1];
  return {
    form: {
      kind,
      actionUrl: new URL(chosen.attributes.action || pageUrl, pageUrl).href,
      enctype,
      fields: chosen.fields,
      merchandiseId: field('merchandiseId') ?? '',
      quantity: Number(field('quantity') ?? 1) || 1,
    },
  };
}

/** The request body and Content-Type a browser sends for the form. */
export function encodeForm(form: AddToCartForm): { body: string; contentType: string } {
  if (form.enctype === 'application/x-www-form-urlencoded') {
    return { body: new URLSearchParams(form.fields).toString(), contentType: form.enctype };
  }
  const boundary = `----BenchFormBoundary${randomBytes(8).toString('hex')}`;
  const escape = (name: string) => name.replace(/\r\n|\r|\n/g, '%0D%0A').replace(/"/g, '%22');
  const parts = form.fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: `${parts.join('')}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

type Headers = Record<string, string | string[] | undefined>;

function setCookies(headers: Headers): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== 'set-cookie' || value === undefined) continue;
    for (const line of Array.isArray(value) ? value : [value]) {
      const pair = line.split(';')[0] ?? '';
      const equals = pair.indexOf('=');
      if (equals > 0) cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
    }
  }
  return cookies;
}

/** The store's cart token in a cart cookie value (`gid://shopify/Cart/<token>[?key=…]`, URL-encoded or not). */
export function cartTokenOf(cookieValue: string): string | null {
  let value = cookieValue;
  try {
    value = decodeURIComponent(cookieValue);
  } catch {
    // keep it as sent
  }
  return /^gid:\/\/shopify\/Cart\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? null;
}

interface Slot {
  cookie?: string;
  sent: number;
  generation: number;
}

interface PostContext {
  slot?: Slot;
  generation?: number;
  sentCookie?: string;
}

/**
 * Posts of the add-to-cart form spread over a small pool of open carts, as shoppers do: the first post
 * of a cart goes without a cart cookie (the server creates the cart and sets the cookie), the following
 * ones send it back, several connections add to the same cart at once (where a lost update would
 * show), and a cart is retired well before a line reaches the stock or line limit. Counts the answers:
 * an add is acknowledged when the answer is 303 and (when the server sets one) the one-time message
 * cookie says success. Acknowledged quantities are kept per cart, to compare with the store.
 */
export class CartWrites {
  readonly statusCounts: Record<string, number> = {};
  acknowledgedAdds = 0;
  acknowledgedQuantity = 0;
  refusedAdds = 0;
  /** 303 answers without the one-time message cookie: counted as acknowledged (nothing says otherwise). */
  acknowledgedWithoutMessage = 0;
  readonly refusalSamples = new Set<string>();
  readonly acknowledgedByCart = new Map<string, number>();
  private readonly slots: Slot[];
  private readonly addsPerCart: number;
  private next = 0;
  private readonly body: string;
  private readonly contentType: string;
  private readonly origin: string;
  private readonly path: string;

  constructor(
    readonly form: AddToCartForm,
    options: { carts?: number; addsPerCart?: number } = {},
  ) {
    this.slots = Array.from({ length: options.carts ?? 10 }, () => ({ sent: 0, generation: 0 }));
    this.addsPerCart = options.addsPerCart ?? 50;
    ({ body: this.body, contentType: this.contentType } = encodeForm(form));
    const url = new URL(form.actionUrl);
    this.origin = url.origin;
    this.path = url.pathname + url.search;
  }

  /** For autocannon's `requests[].setupRequest`. */
  setupRequest = (request: Record<string, unknown>, context: PostContext) => {
    const slot = this.slots[this.next++ % this.slots.length]!;
    if (slot.sent + this.form.quantity > this.addsPerCart)
      Object.assign(slot, { cookie: undefined, sent: 0, generation: slot.generation + 1 });
    slot.sent += this.form.quantity;
    context.slot = slot;
    context.generation = slot.generation;
    context.sentCookie = slot.cookie;
    const headers: Record<string, string> = {
      'Content-Type': this.contentType,
      Origin: this.origin,
      Accept: 'text/html',
    };
    if (slot.cookie) headers.Cookie = `cart=${slot.cookie}`;
    return { ...request, method: 'POST', path: this.path, headers, body: this.body };
  };

  /** For autocannon's `requests[].onResponse`. */
  onResponse = (status: number, _body: string, context: PostContext, headers: Headers) => {
    this.statusCounts[status] = (this.statusCounts[status] ?? 0) + 1;
    if (status !== 303) return;
    const cookies = setCookies(headers ?? {});
    const cartCookie = cookies.get('cart') || context.sentCookie;
    const slot = context.slot;
    if (slot && cartCookie && !slot.cookie && slot.generation === context.generation)
      slot.cookie = cartCookie;
    const message = cookies.get('cart_flash');
    let tone: string | undefined;
    if (message) {
      try {
        const parsed = JSON.parse(decodeURIComponent(message)) as {
          tone?: string;
          message?: string;
        };
        tone = parsed.tone;
        if (tone !== 'success' && this.refusalSamples.size < 5 && parsed.message)
          this.refusalSamples.add(parsed.message);
      } catch {
        tone = undefined;
      }
    } else {
      this.acknowledgedWithoutMessage++;
    }
    if (message && tone !== 'success') {
      this.refusedAdds++;
      return;
    }
    this.acknowledgedAdds++;
    this.acknowledgedQuantity += this.form.quantity;
    const token = cartCookie ? cartTokenOf(cartCookie) : null;
    const key = token ?? '(no cart cookie)';
    this.acknowledgedByCart.set(key, (this.acknowledgedByCart.get(key) ?? 0) + this.form.quantity);
  };
}

export interface StoreCheck {
  cartsWithAcknowledgedAdds: number;
  acknowledgedQuantity: number;
  /** Sum of cart_lines.quantity over the carts the acknowledged adds went to. */
  storedQuantity: number;
  /**
   * Lost writes: acknowledged quantity missing from the store, the larger of two counts: per cart
   * (acknowledged for a cart, more than that cart holds) and in total (acknowledged, more than every
   * cart in the store holds; covers acknowledged adds whose answer named no cart).
   */
  lostQuantity: number;
  /** In the store beyond what was acknowledged (refused or unanswered posts that wrote anyway). */
  unacknowledgedQuantity: number;
  /** Sum of cart_lines.quantity over every cart in the store. */
  storeTotalQuantity: number;
  cartsInStore: number;
}

/** Compares the acknowledged adds with the store's SQLite file, opened read-only. */
export function checkStore(dataDir: string, writes: CartWrites): StoreCheck {
  const db = new Database(path.join(dataDir, 'local-store.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const stored = new Map<string, number>();
    for (const row of db
      .prepare(
        'SELECT cart_token AS token, SUM(quantity) AS quantity FROM cart_lines GROUP BY cart_token',
      )
      .all() as Array<{ token: string; quantity: number }>) {
      stored.set(row.token, row.quantity);
    }
    const cartsInStore = (
      db.prepare('SELECT COUNT(*) AS count FROM carts').get() as { count: number }
    ).count;
    let storedQuantity = 0;
    let lostPerCart = 0;
    for (const [token, acknowledged] of writes.acknowledgedByCart) {
      if (!stored.has(token) && token.startsWith('(')) continue; // no cart named: only the total counts it
      const inStore = stored.get(token) ?? 0;
      storedQuantity += inStore;
      lostPerCart += Math.max(0, acknowledged - inStore);
    }
    const storeTotalQuantity = [...stored.values()].reduce(
      (total, quantity) => total + quantity,
      0,
    );
    const lostQuantity = Math.max(lostPerCart, writes.acknowledgedQuantity - storeTotalQuantity);
    const unacknowledgedQuantity = Math.max(0, storeTotalQuantity - writes.acknowledgedQuantity);
    return {
      cartsWithAcknowledgedAdds: writes.acknowledgedByCart.size,
      acknowledgedQuantity: writes.acknowledgedQuantity,
      storedQuantity,
      lostQuantity,
      unacknowledgedQuantity,
      storeTotalQuantity,
      cartsInStore,
    };
  } finally {
    db.close();
  }
}

/** The store's write-ahead log, for sampling its size. */
export const walFile = (dataDir: string) => path.join(dataDir, 'local-store.sqlite-wal');
export const fileSize = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};
