import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CART_COOKIE_MAX_AGE } from '@/lib/storefront/cart-cookie';
import {
  CART_LIFETIME_SECONDS,
  MAX_CART_QUANTITY,
  MAX_LINE_QUANTITY,
} from '@/lib/storefront/local';
import {
  createCart,
  D90,
  dbSnapshot,
  freshStore,
  LINES_ADD,
  LINES_UPDATE,
  mutate,
  readCart,
  V120,
  V60,
} from './fixture';

const DAY = 24 * 60 * 60 * 1000;

describe('caps on units: 99 a line, 120 a cart', () => {
  const { store, dataDir } = freshStore();
  afterAll(() => store.close());

  it('are the numbers the app and this test expect', () => {
    expect([MAX_LINE_QUANTITY, MAX_CART_QUANTITY]).toEqual([99, 120]);
  });

  it('a line holds 99 at most, added up over several adds; nothing is written when refused', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 99 }]);
    const before = dbSnapshot(dataDir);
    const payload = await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V60, quantity: 1 }],
    });
    expect(payload.userErrors).toEqual([
      {
        field: ['lines', '0', 'quantity'],
        code: 'MAXIMUM_EXCEEDED',
        message: 'One cart line cannot hold more than 99.',
      },
    ]);
    expect(payload.cart).toEqual(cart);
    expect(dbSnapshot(dataDir)).toBe(before);
    const update = await mutate(store, ...LINES_UPDATE, {
      cartId: cart.id,
      lines: [{ id: cart.lines.nodes[0]!.id, quantity: 100 }],
    });
    expect(update.userErrors).toEqual([
      {
        field: ['lines', '0', 'quantity'],
        code: 'MAXIMUM_EXCEEDED',
        message: 'The quantity cannot be more than 99.',
      },
    ]);
    expect(dbSnapshot(dataDir)).toBe(before);
  });

  it('a cart holds 120 at most, across its lines, by add and by update; lowering is always allowed', async () => {
    const cart = await createCart(store, [
      { merchandiseId: V60, quantity: 99 },
      { merchandiseId: D90, quantity: 21 },
    ]);
    expect(cart.totalQuantity).toBe(120);
    const before = dbSnapshot(dataDir);
    const tooLarge = [
      {
        field: ['lines', '0', 'quantity'],
        code: 'CART_TOO_LARGE',
        message: 'A cart can hold at most 120 items in all.',
      },
    ];
    expect(
      (
        await mutate(store, ...LINES_ADD, {
          cartId: cart.id,
          lines: [{ merchandiseId: V120, quantity: 1 }],
        })
      ).userErrors,
    ).toEqual(tooLarge);
    const ninety = cart.lines.nodes[1]!.id;
    expect(
      (
        await mutate(store, ...LINES_UPDATE, {
          cartId: cart.id,
          lines: [{ id: ninety, quantity: 22 }],
        })
      ).userErrors,
    ).toEqual(tooLarge);
    expect(dbSnapshot(dataDir)).toBe(before);
    const lowered = await mutate(store, ...LINES_UPDATE, {
      cartId: cart.id,
      lines: [{ id: ninety, quantity: 20 }],
    });
    expect(lowered.userErrors).toEqual([]);
    expect(lowered.cart!.totalQuantity).toBe(119);
  });

  it('cartCreate over the cart cap creates no cart', async () => {
    const before = dbSnapshot(dataDir);
    const payload = await mutate(store, 'cartCreate', 'input: $input', {
      input: {
        lines: [
          { merchandiseId: V60, quantity: 90 },
          { merchandiseId: D90, quantity: 31 },
        ],
      },
    });
    expect(payload).toEqual({
      cart: null,
      userErrors: [
        {
          field: ['lines', '1', 'quantity'],
          code: 'CART_TOO_LARGE',
          message: 'A cart can hold at most 120 items in all.',
        },
      ],
    });
    expect(dbSnapshot(dataDir)).toBe(before);
  });
});

describe('carts expire 14 days after their last change', () => {
  let now = Date.parse('2026-11-25T12:00:00.000Z');
  const clock = () => now;
  const { store, dataDir } = freshStore({ clock });
  afterAll(() => store.close());
  afterEach(() => vi.useRealTimers());

  const rows = (table: string, dir = dataDir) =>
    (JSON.parse(dbSnapshot(dir)) as Array<[string, unknown[]]>).find(([name]) => name === table)![1]
      .length;

  it('the lifetime is the cart cookie lifetime (lib/storefront/cart-cookie.ts)', () => {
    expect(CART_LIFETIME_SECONDS).toBe(14 * 24 * 60 * 60);
    expect(CART_LIFETIME_SECONDS).toBe(CART_COOKIE_MAX_AGE);
  });

  it('an expired cart reads as missing: to the cart query, to mutations and to checkout', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    now += 14 * DAY - 1;
    expect(await readCart(store, cart.id)).not.toBeNull();
    now += 1;
    expect(await readCart(store, cart.id)).toBeNull();
    expect(
      await mutate(store, ...LINES_ADD, {
        cartId: cart.id,
        lines: [{ merchandiseId: V60, quantity: 1 }],
      }),
    ).toEqual({
      cart: null,
      userErrors: [
        { field: ['cartId'], code: 'INVALID', message: 'The specified cart does not exist.' },
      ],
    });
    expect(store.placeOrder(cart.id)).toEqual({
      ok: false,
      message: 'This cart does not exist or was already checked out.',
    });
  });

  it('a change renews the lifetime; reading does not', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    now += 10 * DAY;
    await readCart(store, cart.id);
    await mutate(store, ...LINES_ADD, {
      cartId: cart.id,
      lines: [{ merchandiseId: V60, quantity: 1 }],
    });
    now += 13 * DAY;
    expect((await readCart(store, cart.id))?.totalQuantity).toBe(2);
    now += 1 * DAY;
    expect(await readCart(store, cart.id)).toBeNull();
  });

  it('expired carts and their lines are deleted; checked-out and live carts stay', async () => {
    store.deleteExpiredCarts();
    const expired = await Promise.all([
      createCart(store, [{ merchandiseId: V60, quantity: 2 }]),
      createCart(store),
    ]);
    const ordered = await createCart(store, [{ merchandiseId: D90, quantity: 1 }]);
    expect(store.placeOrder(ordered.id).ok).toBe(true);
    now += 10 * DAY;
    const live = await createCart(store, [{ merchandiseId: V60, quantity: 1 }]);
    now += 5 * DAY;
    const [carts, lines] = [rows('carts'), rows('cart_lines')];
    expect(store.deleteExpiredCarts()).toBe(expired.length);
    expect([rows('carts'), rows('cart_lines')]).toEqual([carts - 2, lines - 1]);
    expect(await readCart(store, live.id)).not.toBeNull();
    expect(rows('orders')).toBe(1);
  });

  it('on open, and then every hour by itself', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let time = Date.parse('2026-11-25T12:00:00.000Z');
    const first = freshStore({ clock: () => time });
    await createCart(first.store, [{ merchandiseId: V60, quantity: 1 }]);
    first.store.close();
    time += 15 * DAY;
    const reopened = freshStore({ clock: () => time, dataDir: first.dataDir });
    expect(rows('carts', first.dataDir)).toBe(0);

    await createCart(reopened.store, [{ merchandiseId: V60, quantity: 1 }]);
    time += 15 * DAY;
    expect(rows('carts', first.dataDir)).toBe(1);
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect([rows('carts', first.dataDir), rows('cart_lines', first.dataDir)]).toEqual([0, 0]);
    reopened.store.close();
  });
});
