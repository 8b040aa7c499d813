/**
 * Generated GraphQL requests for the local store's property test (limits.test.ts): documents drawn
 * from the Storefront schema's real field names (so many of them are valid and really execute), with
 * random nesting, aliases, fragments, list sizes, mutations and variables, and some turned to garbage.
 */
import fc from 'fast-check';
import type { Catalog } from '@/lib/content/catalog-types';

/**
 * More variants than the test catalog, so nesting fans out: `variants { nodes { product { variants …` is
 * 25^n objects deep down, which is where the execution time and response size limits have to act.
 */
export const bigCatalog: Catalog = {
  currency: 'USD',
  products: Array.from({ length: 3 }, (_, p) => ({
    handle: `fuzz-${p}`,
    title: `Fuzz product ${p}`,
    vendor: 'Fuzz',
    description: 'A product for the property test.',
    image: { path: `/images/fuzz-${p}.svg`, alt: `Fuzz ${p}`, width: 600, height: 600 },
    variants: Array.from({ length: 25 }, (_, v) => ({
      sku: `F${p}-${v}`,
      size: v + 1,
      title: `${v + 1} softgels`,
      price: `${10 + v}.50`,
      compareAtPrice: v % 2 ? `${20 + v}.00` : null,
      stock: v % 5 === 0 ? 0 : 1000,
      image: null,
    })),
    subscriptions: [
      { intervalDays: 30, percentOff: 10, name: 'Every 30 days, 10% off' },
      { intervalDays: 90, percentOff: 15, name: 'Every 90 days, 15% off' },
    ],
  })),
  discounts: [{ code: 'WELCOME10', percentage: 10, minimumSubtotal: null }],
};

interface FieldSpec {
  name: string;
  /** Argument text choices, e.g. `(first: 2)`; '' is no arguments. */
  args?: fc.Arbitrary<string>;
  /** The type of the selection set, for object fields. */
  type?: string;
  /** Wrap the selection in `... on <type>` (unions and interfaces). */
  on?: string;
}

const first = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -3, max: 300 }).map((n) => `(first: ${n})`),
  fc.constant('(first: $n)'),
  fc.constant('(first: 99999999999)'),
  fc.constant('(first: 2, after: "MA")'),
  fc.constant('(last: 2)'),
);
const handle = fc.oneof(
  fc.constantFrom('"fuzz-0"', '"fuzz-1"', '"nope"', '$handle'),
  fc.string({ maxLength: 8 }).map((text) => JSON.stringify(text)),
);
const variantIds = [
  '"gid://shopify/ProductVariant/F0-1"',
  '"gid://shopify/ProductVariant/F1-5"',
  '"gid://shopify/ProductVariant/nope"',
  '$variantId',
];
const planIds = [
  '',
  ', sellingPlanId: "gid://shopify/SellingPlan/fuzz-0-30d"',
  ', sellingPlanId: "gid://shopify/SellingPlan/fuzz-1-90d"',
  ', sellingPlanId: "gid://shopify/SellingPlan/nope"',
  ', sellingPlanId: null',
];
const lineInput = fc
  .record({
    merchandiseId: fc.constantFrom(...variantIds),
    quantity: fc.oneof(fc.integer({ min: -2, max: 130 }), fc.constant(1)),
    plan: fc.constantFrom(...planIds),
  })
  .map(
    ({ merchandiseId, quantity, plan }) =>
      `{ merchandiseId: ${merchandiseId}, quantity: ${quantity}${plan} }`,
  );
const lineInputs = fc.array(lineInput, { maxLength: 3 }).map((lines) => `[${lines.join(', ')}]`);
const cartId = fc.constantFrom('$cartId', '"gid://shopify/Cart/nope"', '"garbage"');

/** Real Storefront field names by type (including some the store does not implement). */
const FIELDS: Record<string, FieldSpec[]> = {
  QueryRoot: [
    { name: 'product', args: handle.map((value) => `(handle: ${value})`), type: 'Product' },
    { name: 'cart', args: cartId.map((id) => `(id: ${id})`), type: 'Cart' },
    { name: 'product', args: handle.map((value) => `(handle: ${value})`), type: 'Product' },
    { name: 'cart', args: cartId.map((id) => `(id: ${id})`), type: 'Cart' },
    { name: 'products', args: first, type: 'ProductConnection' },
    { name: '__typename' },
  ],
  Mutation: [
    {
      name: 'cartCreate',
      args: fc.oneof(
        fc.constant(''),
        lineInputs.map((lines) => `(input: { lines: ${lines} })`),
        fc.constant('(input: { note: "hi" })'),
      ),
      type: 'CartPayload',
    },
    {
      name: 'cartLinesAdd',
      args: fc.tuple(cartId, lineInputs).map(([id, lines]) => `(cartId: ${id}, lines: ${lines})`),
      type: 'CartPayload',
    },
    {
      name: 'cartLinesUpdate',
      args: fc
        .tuple(cartId, fc.integer({ min: -1, max: 130 }), fc.constantFrom(...planIds))
        .map(
          ([id, quantity, plan]) =>
            `(cartId: ${id}, lines: [{ id: $lineId, quantity: ${quantity}${plan} }])`,
        ),
      type: 'CartPayload',
    },
    {
      name: 'cartLinesRemove',
      args: cartId.map((id) => `(cartId: ${id}, lineIds: [$lineId])`),
      type: 'CartPayload',
    },
    {
      name: 'cartDiscountCodesUpdate',
      args: fc
        .tuple(cartId, fc.constantFrom('["WELCOME10"]', '["nope", "welcome10"]', '[]'))
        .map(([id, codes]) => `(cartId: ${id}, discountCodes: ${codes})`),
      type: 'CartPayload',
    },
    {
      name: 'cartNoteUpdate',
      args: cartId.map((id) => `(cartId: ${id}, note: "x")`),
      type: 'CartPayload',
    },
  ],
  CartPayload: [
    { name: 'cart', type: 'Cart' },
    { name: 'userErrors', type: 'CartUserError' },
    { name: 'warnings', type: 'CartWarning' },
  ],
  CartUserError: [{ name: 'field' }, { name: 'message' }, { name: 'code' }],
  CartWarning: [{ name: 'message' }],
  Product: [
    { name: 'id' },
    { name: 'handle' },
    { name: 'title' },
    { name: 'vendor' },
    { name: 'availableForSale' },
    { name: 'descriptionHtml' },
    { name: 'options', args: fc.constantFrom('', '(first: 1)'), type: 'ProductOption' },
    { name: 'variants', args: first, type: 'ProductVariantConnection' },
    { name: 'sellingPlanGroups', args: first, type: 'SellingPlanGroupConnection' },
  ],
  SellingPlanGroupConnection: [{ name: 'nodes', type: 'SellingPlanGroup' }],
  SellingPlanGroup: [
    { name: 'name' },
    { name: 'appName' },
    { name: 'sellingPlans', args: first, type: 'SellingPlanConnection' },
  ],
  SellingPlanConnection: [{ name: 'nodes', type: 'SellingPlan' }],
  SellingPlan: [
    { name: 'id' },
    { name: 'name' },
    { name: 'description' },
    { name: 'recurringDeliveries' },
    { name: 'options', type: 'SellingPlanOption' },
    { name: 'priceAdjustments', type: 'SellingPlanPriceAdjustment' },
  ],
  SellingPlanOption: [{ name: 'name' }, { name: 'value' }],
  SellingPlanPriceAdjustment: [
    { name: 'orderCount' },
    {
      name: 'adjustmentValue',
      type: 'SellingPlanPercentagePriceAdjustment',
      on: 'SellingPlanPercentagePriceAdjustment',
    },
  ],
  SellingPlanPercentagePriceAdjustment: [{ name: 'adjustmentPercentage' }],
  SellingPlanAllocationConnection: [{ name: 'nodes', type: 'SellingPlanAllocation' }],
  SellingPlanAllocation: [
    { name: 'sellingPlan', type: 'SellingPlan' },
    { name: 'priceAdjustments', type: 'SellingPlanAllocationPriceAdjustment' },
  ],
  SellingPlanAllocationPriceAdjustment: [
    { name: 'price', type: 'MoneyV2' },
    { name: 'compareAtPrice', type: 'MoneyV2' },
    { name: 'perDeliveryPrice', type: 'MoneyV2' },
    { name: 'unitPrice', type: 'MoneyV2' },
  ],
  ProductConnection: [{ name: 'nodes', type: 'Product' }],
  ProductOption: [{ name: 'name' }, { name: 'optionValues', type: 'ProductOptionValue' }],
  ProductOptionValue: [{ name: 'name' }],
  ProductVariantConnection: [
    { name: 'nodes', type: 'ProductVariant' },
    { name: 'pageInfo', type: 'PageInfo' },
  ],
  PageInfo: [{ name: 'hasNextPage' }],
  ProductVariant: [
    { name: 'id' },
    { name: 'title' },
    { name: 'sku' },
    { name: 'availableForSale' },
    { name: 'quantityAvailable' },
    { name: 'price', type: 'MoneyV2' },
    { name: 'compareAtPrice', type: 'MoneyV2' },
    { name: 'selectedOptions', type: 'SelectedOption' },
    { name: 'image', type: 'Image' },
    { name: 'product', type: 'Product' },
    { name: 'sellingPlanAllocations', args: first, type: 'SellingPlanAllocationConnection' },
  ],
  SelectedOption: [{ name: 'name' }, { name: 'value' }],
  Image: [{ name: 'url' }, { name: 'altText' }, { name: 'width' }, { name: 'height' }],
  MoneyV2: [{ name: 'amount' }, { name: 'currencyCode' }],
  Cart: [
    { name: 'id' },
    { name: 'checkoutUrl' },
    { name: 'totalQuantity' },
    { name: 'note' },
    { name: 'cost', type: 'CartCost' },
    { name: 'lines', args: first, type: 'BaseCartLineConnection' },
    { name: 'discountCodes', type: 'CartDiscountCode' },
  ],
  CartCost: [
    { name: 'subtotalAmount', type: 'MoneyV2' },
    { name: 'totalAmount', type: 'MoneyV2' },
  ],
  CartDiscountCode: [{ name: 'code' }, { name: 'applicable' }],
  BaseCartLineConnection: [{ name: 'nodes', type: 'BaseCartLine' }],
  BaseCartLine: [
    { name: 'id' },
    { name: 'quantity' },
    { name: 'merchandise', type: 'ProductVariant', on: 'ProductVariant' },
    { name: 'sellingPlanAllocation', type: 'SellingPlanAllocation' },
  ],
  Shop: [{ name: 'name' }],
};

interface FieldNode {
  alias: string | null;
  spec: FieldSpec;
  args: string;
  children: FieldNode[] | null;
  /** Print the children as a named fragment. */
  asFragment: boolean;
}

const alias = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'again', 'x1') },
);

/** A selection set of `type`, nested up to `depth` more levels (deep enough to pass the depth limit). */
function selection(type: string, depth: number): fc.Arbitrary<FieldNode[]> {
  const specs = FIELDS[type] ?? [{ name: '__typename' }];
  const node = fc.constantFrom(...specs).chain((spec): fc.Arbitrary<FieldNode> => {
    const childType = spec.type;
    const children =
      childType && depth > 0
        ? selection(childType, depth - 1).map((set): FieldNode[] | null => set)
        : fc.constant(
            childType
              ? ([
                  {
                    alias: null,
                    spec: { name: '__typename' },
                    args: '',
                    children: null,
                    asFragment: false,
                  },
                ] as FieldNode[])
              : null,
          );
    return fc.record({
      alias,
      spec: fc.constant(spec),
      args: spec.args ?? fc.constant(''),
      children,
      asFragment: fc.boolean(),
    });
  });
  return fc.array(node, { minLength: 1, maxLength: 3 });
}

/** Prints fields, moving some selection sets into fragments (repeated spreads included). */
function print(nodes: FieldNode[], type: string, fragments: string[]): string {
  return nodes
    .map((node) => {
      const head = `${node.alias ? `${node.alias}: ` : ''}${node.spec.name}${node.args}`;
      if (!node.children) return head;
      const childType = node.spec.type!;
      let body = print(node.children, childType, fragments);
      if (node.spec.on) body = `... on ${node.spec.on} { ${body} }`;
      if (
        node.asFragment &&
        !node.spec.on &&
        /^[A-Z]/.test(childType) &&
        !['CartPayload', 'BaseCartLine'].includes(childType)
      ) {
        const name = `F${fragments.length}`;
        fragments.push(`fragment ${name} on ${childType} { ${body} }`);
        // The same fragment spread twice, as fragment-multiplying attacks do.
        return `${head} { ...${name} ...${name} }`;
      }
      return `${head} { ${body} }`;
    })
    .join(' ');
}

/** Declares every variable a document may use; unused ones are a validation error, which is fine to test too. */
function declare(text: string): string {
  const used = ['cartId', 'n', 'handle', 'variantId', 'lineId'].filter((name) =>
    text.includes(`$${name}`),
  );
  const types: Record<string, string> = {
    cartId: 'ID!',
    n: 'Int',
    handle: 'String!',
    variantId: 'ID!',
    lineId: 'ID!',
  };
  return used.length ? `(${used.map((name) => `$${name}: ${types[name]}`).join(', ')})` : '';
}

const operation = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 0, max: 24 })
      .chain((depth) => selection('QueryRoot', depth))
      .map((nodes) => ['query', nodes] as const),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 6 })
      .chain((depth) => selection('Mutation', depth))
      .map((nodes) => ['mutation', nodes] as const),
  },
);

const wellFormed = operation.map(([kind, nodes]) => {
  const fragments: string[] = [];
  const body = print(nodes, kind === 'query' ? 'QueryRoot' : 'Mutation', fragments);
  return `${kind} Fuzz${declare(body)} { ${body} } ${fragments.join(' ')}`;
});

/** Damage done to a document's text: the parser and validation must refuse it cleanly. */
const garbled = fc
  .tuple(wellFormed, fc.nat(), fc.nat(), fc.string({ maxLength: 12 }))
  .map(([text, at, length, insert]) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + (length % 20));
  });

/** Lists inside lists, sized by a variable the cost limit cannot see: what the time and size limits are for. */
const fanOut = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom('id', 'id title price { amount }', 'title sku image { url altText }'),
    fc.integer({ min: 1, max: 4 }),
  )
  .map(([hops, leaf, copies]) => {
    const chain = `${'variants(first: $n) { nodes { product { '.repeat(hops - 1)}variants(first: $n) { nodes { ${leaf} } }${' } } }'.repeat(hops - 1)}`;
    const products = Array.from(
      { length: copies },
      (_, index) => `p${index}: product(handle: "fuzz-${index % 3}") { ${chain} }`,
    );
    return `query Fuzz($n: Int) { ${products.join(' ')} }`;
  });

const deepText = fc
  .integer({ min: 1, max: 700 })
  .map(
    (levels) =>
      `{ product(handle: "fuzz-0") { ${'variants(first: 2) { nodes { product { '.repeat(levels)}id${' } } }'.repeat(levels)} } }`,
  );

export const query: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 24, arbitrary: wellFormed },
  { weight: 4, arbitrary: fanOut },
  { weight: 4, arbitrary: garbled },
  { weight: 1, arbitrary: deepText },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.anything() },
);

/** Plausible values for the declared variables, and hostile ones. */
export function variables(ids: { cartId: string; lineId: string }): fc.Arbitrary<unknown> {
  const plausible = fc.record(
    {
      cartId: fc.oneof(fc.constant(ids.cartId), fc.string({ maxLength: 30 }), fc.constant(null)),
      n: fc.oneof(
        fc.integer({ min: -5, max: 300 }),
        fc.constant(2 ** 31),
        fc.double(),
        fc.constant('5'),
      ),
      handle: fc.constantFrom('fuzz-0', 'fuzz-2', '', 'x'.repeat(2000)),
      variantId: fc.constantFrom(
        'gid://shopify/ProductVariant/F0-1',
        'gid://shopify/ProductVariant/F2-24',
        'nope',
      ),
      lineId: fc.oneof(fc.constant(ids.lineId), fc.string({ maxLength: 20 })),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 20, arbitrary: plausible },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.anything() },
  );
}

export const request = (ids: { cartId: string; lineId: string }) =>
  fc.oneof(
    {
      weight: 40,
      arbitrary: fc.record({
        query,
        variables: variables(ids),
        operationName: fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          { weight: 3, arbitrary: fc.constant('Fuzz') },
          { weight: 1, arbitrary: fc.constant('Other') },
        ),
      }),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
