import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import fc from 'fast-check';
import { Lexer, parse, Source, TokenKind, validate, type ExecutionResult } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import * as appDocuments from '@/lib/storefront/documents';
import { createLocalStore, LIMITS } from '@/lib/storefront/local';
import { storefrontSchema } from '@/lib/storefront/local/schema';
import { createCart, dbSnapshot, freshStore, V60 } from './fixture';
import { bigCatalog, request } from './fuzz-documents';

const { store, dataDir } = freshStore();
const big = createLocalStore({
  catalog: bigCatalog,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-limits-')),
  siteUrl: 'http://shop.test',
});
afterAll(() => {
  store.close();
  big.close();
});

/** Takes a thunk: execute does its work synchronously, before the promise it returns is awaited. */
async function timed(operation: () => Promise<ExecutionResult>) {
  const started = performance.now();
  const result = JSON.parse(JSON.stringify(await operation())) as {
    data?: unknown;
    errors?: Array<{
      message: string;
      extensions?: { code?: string; limit?: string; maximum?: number };
    }>;
  };
  return { result, ms: performance.now() - started };
}

/** The limits a refused answer names, in order. */
const limitsNamed = (result: { errors?: Array<{ extensions?: { limit?: string } }> }) =>
  result.errors?.map((error) => error.extensions?.limit);

const countCarts = () =>
  (JSON.parse(dbSnapshot(dataDir)) as Array<[string, unknown[]]>).find(
    ([table]) => table === 'carts',
  )![1].length;

describe('requests that used to take the server down', () => {
  // Before the limits: graphql-js ran out of stack about 210 levels in, answering "Maximum call stack size
  // exceeded" or, when V8 was compiling a regular expression at that moment, crashing the process
  // ("RegExpCompiler Allocation failed").
  it('(a) a 17 KB query nesting variants/product 500 levels deep is refused at parse', async () => {
    const levels = 500;
    const query = `{ product(handle: "test-d3k2") { ${'variants(first:1){nodes{product{'.repeat(levels)}id${'}}}'.repeat(levels)} } }`;
    expect(query.length).toBeGreaterThan(17_000);
    const { result, ms } = await timed(() => store.execute({ query }));
    expect(result).toEqual({
      errors: [
        {
          message: 'Token limit of 1,000 exceeded: parsing stopped.',
          extensions: { code: 'LIMIT_EXCEEDED', limit: 'tokens', maximum: 1000 },
        },
      ],
    });
    expect(ms).toBeLessThan(100);
  });

  it('(a) the same nesting inside the token limit is refused by depth, before graphql-js recurses into it', async () => {
    const levels = 100; // 900 tokens, 300 levels
    const query = `{ product(handle: "test-d3k2") { ${'variants{nodes{product{'.repeat(levels)}id${'}}}'.repeat(levels)} } }`;
    const { result } = await timed(() => store.execute({ query }));
    expect(result.errors?.map((error) => error.message)).toEqual([
      `Query depth limit of 20 exceeded, found 302.`,
    ]);
    expect(limitsNamed(result)).toEqual(['depth']);
  });

  // Before the limits: 29 s of work, 0.9 GB of memory and a 72 MB answer (4^10 products).
  it('(b) a 1.2 KB query whose fragments each select two aliased variant lists, 10 levels deep, is refused at once', async () => {
    const fragments = Array.from({ length: 10 }, (_, level) => {
      const next = level < 9 ? `...F${level + 1}` : 'id';
      return `fragment F${level} on Product { a: variants(first: 2) { nodes { product { ${next} } } } b: variants(first: 2) { nodes { product { ${next} } } } }`;
    });
    const query = `{ product(handle: "test-d3k2") { ...F0 } } ${fragments.join(' ')}`;
    expect(query.length).toBeGreaterThan(1_100);
    const { result, ms } = await timed(() => store.execute({ query }));
    expect(result.data).toBeUndefined();
    expect(limitsNamed(result)).toEqual(['depth', 'aliases', 'cost']);
    expect(result.errors?.map((error) => error.message)).toEqual([
      'Query depth limit of 20 exceeded, found 52.',
      // graphql-armor counts a fragment's aliases each time it is spread: 2 + 4 + … + 2^10.
      'Aliases limit of 10 exceeded, found 2046.',
      expect.stringMatching(/^Query Cost limit of 10000 exceeded, found \d+\.$/),
    ]);
    expect(ms).toBeLessThan(100);
  });

  // Before the limits: 1,000 carts in half a second.
  it('(c) 1,000 aliased cartCreate in one request are refused and make no cart', async () => {
    const before = countCarts();
    const query = `mutation { ${Array.from({ length: 1000 }, (_, index) => `c${index}: cartCreate { cart { id } }`).join(' ')} }`;
    const { result } = await timed(() => store.execute({ query }));
    // 30 KB and 8,000 tokens: refused before it is even parsed.
    expect(limitsNamed(result)).toEqual(['queryBytes']);
    expect(countCarts()).toBe(before);
    // Small enough to parse, the same request meets the alias and mutation field limits.
    const hundred = `mutation { ${Array.from({ length: 100 }, (_, index) => `c${index}: cartCreate { __typename }`).join(' ')} }`;
    const { result: refused } = await timed(() => store.execute({ query: hundred }));
    expect(limitsNamed(refused)).toEqual(['aliases', 'mutationFields']);
    expect(refused.errors?.[1]?.message).toBe(
      'Mutation field limit of 3 per request exceeded, found 100.',
    );
    expect(countCarts()).toBe(before);
  });
});

describe('each limit on its own, named with its number', () => {
  it('query size: 32,768 bytes', async () => {
    const { result } = await timed(() =>
      store.execute({ query: `{ __typename } # ${'x'.repeat(40_000)}` }),
    );
    expect(result.errors).toEqual([
      {
        message: 'Query size limit of 32,768 bytes exceeded, found 40,017.',
        extensions: { code: 'LIMIT_EXCEEDED', limit: 'queryBytes', maximum: 32_768 },
      },
    ]);
  });

  it('variables size: 16,384 bytes', async () => {
    const { result } = await timed(() =>
      store.execute({
        query: 'query($h: String!) { product(handle: $h) { id } }',
        variables: { h: 'x'.repeat(20_000) },
      }),
    );
    expect(result.errors?.map((error) => [error.message, error.extensions?.limit])).toEqual([
      ['Variables size limit of 16,384 bytes exceeded, found 20,008.', 'variablesBytes'],
    ]);
  });

  it('aliases: 10', async () => {
    const query = `{ ${Array.from({ length: 11 }, (_, index) => `p${index}: product(handle: "test-d3k2") { id }`).join(' ')} }`;
    const { result } = await timed(() => store.execute({ query }));
    expect(result.errors?.map((error) => error.message)).toEqual([
      'Aliases limit of 10 exceeded, found 11.',
    ]);
  });

  it('cost: 10,000, counting the list sizes of first/last', async () => {
    const { result } = await timed(() =>
      store.execute({
        query:
          '{ product(handle: "test-d3k2") { variants(first: 250) { nodes { product { variants(first: 250) { nodes { id } } } } } } }',
      }),
    );
    expect(result.errors?.map((error) => error.message)).toEqual([
      'Query Cost limit of 10000 exceeded, found 188251.',
    ]);
  });

  it('mutation fields: 3 per request, through fragments too, and none of them runs', async () => {
    const before = countCarts();
    const query = `mutation { a: cartCreate { cart { id } } ...More } fragment More on Mutation { b: cartCreate { cart { id } } c: cartCreate { cart { id } } d: cartCreate { cart { id } } }`;
    const { result } = await timed(() => store.execute({ query }));
    expect(result.errors?.map((error) => [error.message, error.extensions?.limit])).toEqual([
      ['Mutation field limit of 3 per request exceeded, found 4.', 'mutationFields'],
    ]);
    expect(countCarts()).toBe(before);
  });

  it('execution time: 250 ms, for list sizes that come from variables (the cost limit cannot see those)', async () => {
    // 25 variants a product, 4 lists deep: 390,625 variants if it ran to the end, at cost 12 by literal first: values.
    const hops = 4;
    const query = `query($n: Int) { product(handle: "fuzz-0") { ${'variants(first: $n) { nodes { product { '.repeat(hops - 1)}variants(first: $n) { nodes { id title price { amount } } }${' } } }'.repeat(hops - 1)} } }`;
    const { result, ms } = await timed(() => big.execute({ query, variables: { n: 250 } }));
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Execution time limit of 250 ms exceeded.',
        extensions: { code: 'LIMIT_EXCEEDED', limit: 'executionMs', maximum: 250 },
      }),
    ]);
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(1000);
  });

  it('response size: 262,144 bytes of JSON', async () => {
    // 4 × 25 × 25 variants with a few fields each: about 1 MB of JSON, made well within the time limit.
    const query = `query($n: Int) { ${Array.from({ length: 4 }, (_, index) => `p${index}: product(handle: "fuzz-${index % 3}") { variants(first: $n) { nodes { product { variants(first: $n) { nodes { id title sku price { amount currencyCode } image { url altText } } } } } } }`).join(' ')} }`;
    const { result } = await timed(() => big.execute({ query, variables: { n: 25 } }));
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((error) => error.extensions?.limit)).toEqual(['responseBytes']);
    expect(result.errors?.[0]?.message).toMatch(
      /^Response size limit of 262,144 bytes exceeded, found [\d,]+\.$/,
    );
  });
});

describe("the app's own documents pass every limit with room to spare", () => {
  const documents = Object.entries(appDocuments as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );

  /** What graphql-armor measures for a document, with the store's settings. */
  function measure(query: string) {
    const measured: Record<string, number> = {};
    const record = (name: string) => [
      (_context: unknown, details: { n: number }) => void (measured[name] = details.n),
    ];
    validate(storefrontSchema(), parse(query), [
      maxDepthRule({ n: Infinity, ignoreIntrospection: false, onAccept: record('depth') }),
      maxAliasesRule({ n: Infinity, onAccept: record('aliases') }),
      costLimitRule({
        maxCost: Infinity,
        objectCost: 1,
        scalarCost: 1,
        depthCostFactor: 1,
        ignoreIntrospection: false,
        onAccept: record('cost'),
      }),
    ]);
    const lexer = new Lexer(new Source(query));
    let tokens = 0;
    while (lexer.advance().kind !== TokenKind.EOF) tokens++;
    return { queryBytes: Buffer.byteLength(query), tokens, ...measured };
  }

  it('finds the documents', () => {
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'PRODUCT_QUERY',
        'CART_QUERY',
        'CART_CREATE_MUTATION',
        'CART_LINES_ADD_MUTATION',
      ]),
    );
  });

  it.each(documents)(
    '%s uses at most half of each limit, and runs without a limit error',
    async (_name, query) => {
      const measured = measure(query);
      for (const [limit, value] of Object.entries(measured)) {
        expect({
          limit,
          value,
          underHalf: value * 2 <= LIMITS[limit as keyof typeof LIMITS],
        }).toEqual({ limit, value, underHalf: true });
      }
      // Without variables the operation fails coercion, after every document limit has been applied.
      const { result } = await timed(() => store.execute({ query }));
      expect(result.errors?.filter((error) => error.extensions?.code === 'LIMIT_EXCEEDED')).toEqual(
        [],
      );
    },
  );

  it('the largest cart the caps allow answers the cart query well under the response limit', async () => {
    const cart = await createCart(store, [{ merchandiseId: V60, quantity: 99 }]);
    const { result } = await timed(() =>
      store.execute({ query: appDocuments.CART_QUERY, variables: { cartId: cart.id } }),
    );
    expect(result.errors).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(result)) * 10).toBeLessThan(LIMITS.responseBytes);
  });
});

describe('property: whatever it is sent, the store answers', () => {
  it('1,000 generated documents and variables: every answer within 1 s, never a throw, always {errors} or {data}', async () => {
    const seed = await createCart(big, []);
    const added = (await big.execute({
      query:
        'mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: "gid://shopify/ProductVariant/F0-1", quantity: 2 }]) { cart { lines(first: 1) { nodes { id } } } } }',
      variables: { id: seed.id },
    })) as { data: { cartLinesAdd: { cart: { lines: { nodes: Array<{ id: string }> } } } } };
    const ids = { cartId: seed.id, lineId: added.data.cartLinesAdd.cart.lines.nodes[0]!.id };
    let slowest = { ms: 0, request: '' as unknown };
    const outcomes = { data: 0, errors: 0, limits: 0 };

    await fc.assert(
      fc.asyncProperty(request(ids), async (generated) => {
        const started = performance.now();
        let answer: ExecutionResult;
        try {
          answer = await big.execute(generated as never);
        } catch (error) {
          throw new Error(`execute threw: ${String(error)}`);
        }
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms, request: generated };
        expect(ms).toBeLessThan(1000);

        // Well-formed: plain JSON with only `data` and `errors`; errors non-empty with string messages; no data without errors being null-free.
        const json = JSON.parse(JSON.stringify(answer)) as Record<string, unknown>;
        expect(Object.keys(json).every((key) => key === 'data' || key === 'errors')).toBe(true);
        if ('errors' in json) {
          const errors = json.errors as Array<{ message: unknown }>;
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) expect(typeof error.message).toBe('string');
          outcomes.errors++;
          if (
            errors.some(
              (error) =>
                (error as { extensions?: { code?: string } }).extensions?.code === 'LIMIT_EXCEEDED',
            )
          )
            outcomes.limits++;
        } else {
          expect(json.data).toEqual(expect.any(Object));
          outcomes.data++;
        }
        if ('data' in json && json.data !== null) expect(typeof json.data).toBe('object');
        // Nothing internal reaches the answer.
        expect(JSON.stringify(json)).not.toMatch(
          /SQLITE|Maximum call stack|TypeError|at .*\.ts:\d+/,
        );
      }),
      { numRuns: 1000 },
    );
    console.log(
      `[fuzz] slowest answer ${slowest.ms.toFixed(1)} ms; ${outcomes.data} with data only, ${outcomes.errors} with errors (${outcomes.limits} naming a limit)`,
    );
    console.log(`[fuzz] slowest request: ${JSON.stringify(slowest.request)?.slice(0, 600)}`);
  }, 300_000);
});
