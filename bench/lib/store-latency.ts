import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContent, toCatalog } from '@/lib/content';
import { createLocalStore } from '@/lib/storefront/local';

const ADD_LINE = `mutation BenchAdd($cartId: ID!, $lines: [CartLineInput!]!) {
  cartLinesAdd(cartId: $cartId, lines: $lines) { cart { id totalQuantity cost { subtotalAmount { amount } } } userErrors { message } }
}`;

/** The local store's own cost per cartLinesAdd, in process: what remains once HTTP and Next are taken away. */
export async function measureStoreLatency(
  iterations = 5000,
): Promise<{ p50Ms: number; p99Ms: number }> {
  const { content } = checkContent(process.cwd());
  if (!content) throw new Error('content/ has errors');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-store-bench-'));
  const store = createLocalStore({
    catalog: toCatalog(content),
    dataDir,
    siteUrl: 'http://bench.local',
  });
  const carts: string[] = [];
  for (let index = 0; index < 200; index++) {
    const result = await store.execute({
      query: 'mutation { cartCreate(input: {}) { cart { id } } }',
    });
    carts.push((result.data as { cartCreate: { cart: { id: string } } }).cartCreate.cart.id);
  }
  const timings: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const start = performance.now();
    await store.execute({
      query: ADD_LINE,
      variables: {
        cartId: carts[index % carts.length],
        lines: [{ merchandiseId: 'gid://shopify/ProductVariant/D3K2-60', quantity: 1 }],
      },
    });
    timings.push(performance.now() - start);
  }
  store.close();
  timings.sort((a, b) => a - b);
  const at = (quantile: number) =>
    Math.round(timings[Math.floor(quantile * (timings.length - 1))]! * 100) / 100;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}
