import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createCart,
  dbSnapshot,
  DISCOUNT_CODES,
  freshStore,
  LINES_ADD,
  LINES_REMOVE,
  LINES_UPDATE,
  mutate,
  readCart,
  V120,
  V60,
  type CartShape,
  type UserErrorShape,
} from './fixture';

const { store, dataDir } = freshStore();
afterAll(() => store.close());

let cart: CartShape;
let lineIds: { sixty: string; large: string };
beforeEach(async () => {
  cart = await createCart(store, [
    { merchandiseId: V60, quantity: 2 },
    { merchandiseId: V120, quantity: 4 },
  ]);
  lineIds = { sixty: cart.lines.nodes[0]!.id, large: cart.lines.nodes[1]!.id };
});

interface Refused {
  name: string;
  mutation: readonly [string, string];
  variables: () => Record<string, unknown>;
  userErrors: UserErrorShape[];
}

const refused: Refused[] = [
  {
    name: 'unknown merchandise',
    mutation: LINES_ADD,
    variables: () => ({
      cartId: cart.id,
      lines: [{ merchandiseId: 'gid://shopify/ProductVariant/NOPE', quantity: 1 }],
    }),
    userErrors: [
      {
        field: ['lines', '0', 'merchandiseId'],
        code: 'INVALID_MERCHANDISE_LINE',
        message: 'The merchandise with id gid://shopify/ProductVariant/NOPE does not exist.',
      },
    ],
  },
  {
    name: 'a product id where a variant id goes',
    mutation: LINES_ADD,
    variables: () => ({
      cartId: cart.id,
      lines: [{ merchandiseId: 'gid://shopify/Product/test-d3k2', quantity: 1 }],
    }),
    userErrors: [
      {
        field: ['lines', '0', 'merchandiseId'],
        code: 'INVALID_MERCHANDISE_LINE',
        message: 'The merchandise with id gid://shopify/Product/test-d3k2 does not exist.',
      },
    ],
  },
  ...[
    [-1, 'The quantity must be at least 1.', 'INVALID'],
    [0, 'The quantity must be at least 1.', 'INVALID'],
    [100, 'The quantity cannot be more than 99.', 'MAXIMUM_EXCEEDED'],
  ].map(([quantity, message, code]) => ({
    name: `quantity ${quantity} in an add`,
    mutation: LINES_ADD,
    variables: () => ({ cartId: cart.id, lines: [{ merchandiseId: V60, quantity }] }),
    userErrors: [
      { field: ['lines', '0', 'quantity'], code: code as string, message: message as string },
    ],
  })),
  {
    name: 'a negative quantity in an update (the valid first change is not made either)',
    mutation: LINES_UPDATE,
    variables: () => ({
      cartId: cart.id,
      lines: [
        { id: lineIds.sixty, quantity: 3 },
        { id: lineIds.large, quantity: -2 },
      ],
    }),
    userErrors: [
      {
        field: ['lines', '1', 'quantity'],
        code: 'INVALID',
        message: 'The quantity cannot be negative.',
      },
    ],
  },
  {
    name: 'an unknown line id in an update',
    mutation: LINES_UPDATE,
    variables: () => ({
      cartId: cart.id,
      lines: [{ id: 'gid://shopify/CartLine/nope', quantity: 1 }],
    }),
    userErrors: [
      {
        field: ['lines', '0', 'id'],
        code: 'INVALID',
        message: 'The cart line with id gid://shopify/CartLine/nope does not exist in this cart.',
      },
    ],
  },
  {
    name: 'an unknown line id in a remove',
    mutation: LINES_REMOVE,
    variables: () => ({ cartId: cart.id, lineIds: [lineIds.sixty, 'gid://shopify/CartLine/nope'] }),
    userErrors: [
      {
        field: ['lineIds', '1'],
        code: 'INVALID',
        message: 'The cart line with id gid://shopify/CartLine/nope does not exist in this cart.',
      },
    ],
  },
  {
    name: 'an unknown discount code next to a valid one',
    mutation: DISCOUNT_CODES,
    variables: () => ({ cartId: cart.id, discountCodes: ['WELCOME10', 'FREEMONEY'] }),
    userErrors: [
      {
        field: ['discountCodes'],
        code: 'INVALID',
        message: 'Discount code FREEMONEY is not valid.',
      },
    ],
  },
];

describe('refused changes come back as userErrors with the cart unchanged, and nothing is written', () => {
  it.each(refused)('$name', async ({ mutation: [name, args], variables, userErrors }) => {
    const before = dbSnapshot(dataDir);
    const payload = await mutate(store, name, args, variables());
    expect(payload.userErrors).toEqual(userErrors);
    expect(payload.cart).toEqual(cart);
    expect(dbSnapshot(dataDir)).toBe(before);
  });

  it('an unknown discount code keeps the codes the cart already had', async () => {
    await mutate(store, ...DISCOUNT_CODES, { cartId: cart.id, discountCodes: ['WELCOME10'] });
    const payload = await mutate(store, ...DISCOUNT_CODES, {
      cartId: cart.id,
      discountCodes: ['FREEMONEY'],
    });
    expect(payload.userErrors.map((error) => error.message)).toEqual([
      'Discount code FREEMONEY is not valid.',
    ]);
    expect(payload.cart!.discountCodes).toEqual([{ code: 'WELCOME10', applicable: true }]);
  });

  it('cartCreate with a bad line creates no cart at all', async () => {
    const before = dbSnapshot(dataDir);
    const payload = await mutate(store, 'cartCreate', 'input: $input', {
      input: {
        lines: [
          { merchandiseId: V60, quantity: 1 },
          { merchandiseId: 'gid://shopify/ProductVariant/NOPE', quantity: 1 },
        ],
      },
    });
    expect(payload).toEqual({
      cart: null,
      userErrors: [
        {
          field: ['lines', '1', 'merchandiseId'],
          code: 'INVALID_MERCHANDISE_LINE',
          message: 'The merchandise with id gid://shopify/ProductVariant/NOPE does not exist.',
        },
      ],
    });
    expect(dbSnapshot(dataDir)).toBe(before);
  });
});

describe('a cart that does not exist', () => {
  const missing = {
    cart: null,
    userErrors: [
      { field: ['cartId'], code: 'INVALID', message: 'The specified cart does not exist.' },
    ],
  };
  const mutations: Array<[string, string, Record<string, unknown>]> = [
    [...LINES_ADD, { lines: [{ merchandiseId: V60 }] }],
    [...LINES_UPDATE, { lines: [{ id: 'gid://shopify/CartLine/x', quantity: 1 }] }],
    [...LINES_REMOVE, { lineIds: ['gid://shopify/CartLine/x'] }],
    [...DISCOUNT_CODES, { discountCodes: ['WELCOME10'] }],
  ];
  it.each(mutations)(
    '%s answers "The specified cart does not exist." on cartId',
    async (name, args, variables) => {
      const before = dbSnapshot(dataDir);
      for (const cartId of [
        'gid://shopify/Cart/AAAAAAAAAAAAAAAAAAAAAAAA',
        'gid://shopify/Product/test-d3k2',
        'garbage',
        '',
      ]) {
        expect(await mutate(store, name, args, { cartId, ...variables })).toEqual(missing);
      }
      expect(dbSnapshot(dataDir)).toBe(before);
      expect(await readCart(store, cart.id)).toEqual(cart);
    },
  );
});

describe('input the local store cannot honour is refused by name, not ignored', () => {
  const attributes = [{ key: 'gift', value: 'yes' }];
  it.each([
    [
      'cartCreate',
      'input: $input',
      { input: { giftCardCodes: ['GIFT'] } },
      'CartInput.giftCardCodes',
    ],
    ['cartCreate', 'input: $input', { input: { note: 'Leave at the door' } }, 'CartInput.note'],
    ['cartCreate', 'input: $input', { input: { attributes } }, 'CartInput.attributes'],
    [
      'cartCreate',
      'input: $input',
      { input: { buyerIdentity: { email: 'a@b.test' } } },
      'CartInput.buyerIdentity',
    ],
    [
      'cartCreate',
      'input: $input',
      { input: { lines: [{ merchandiseId: V60, attributes }] } },
      'CartLineInput.attributes',
    ],
    [
      'cartLinesAdd',
      'cartId: $cartId, lines: $lines',
      { lines: [{ merchandiseId: V60, parent: { merchandiseId: V120 } }] },
      'CartLineInput.parent',
    ],
    [
      'cartLinesAdd',
      'cartId: $cartId, lines: $lines',
      { lines: [{ merchandiseId: V60, attributes }] },
      'CartLineInput.attributes',
    ],
    [
      'cartLinesUpdate',
      'cartId: $cartId, lines: $lines',
      { lines: [{ id: 'gid://shopify/CartLine/x', merchandiseId: V120 }] },
      'CartLineUpdateInput.merchandiseId',
    ],
  ])('%s with %j', async (name, args, variables, field) => {
    const before = dbSnapshot(dataDir);
    const declared = Object.keys(variables).concat(args.includes('$cartId') ? ['cartId'] : []);
    const types: Record<string, string> = {
      cartId: 'ID!',
      input: 'CartInput',
      lines: name === 'cartLinesUpdate' ? '[CartLineUpdateInput!]!' : '[CartLineInput!]!',
    };
    const result = await store.execute({
      query: `mutation(${declared.map((key) => `$${key}: ${types[key]}`).join(', ')}) { ${name}(${args}) { cart { id } } }`,
      variables: { cartId: cart.id, ...variables },
    });
    expect(result.errors?.map((error) => error.message)).toEqual([
      `The local store does not implement ${field}.`,
    ]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' });
    expect(dbSnapshot(dataDir)).toBe(before);
  });
});
