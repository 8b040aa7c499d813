/**
 * A second server process on the same SQLite file, as `next start` workers are. Driven over IPC
 * (processes.ts): it opens the store, says "ready", and runs its task on "go".
 */
import { createLocalStore } from '../../../lib/storefront/local/index';
import type { Catalog } from '../../../lib/content/catalog-types';

export type WorkerTask =
  | { kind: 'add'; carts: string[]; merchandiseId: string; rounds: number }
  | { kind: 'order'; cartId: string }
  /** Shopper traffic for `durationMs`: new carts, adds, updates, removes and cart reads, as fast as it goes. */
  | { kind: 'write'; durationMs: number; merchandiseIds: string[] };

export interface WorkerReport {
  added: number;
  refused: string[];
  errors: string[];
  order?: { ok: boolean; message?: string };
  /** Operations run by a 'write' task. */
  operations?: number;
}

const ADD = `mutation Add($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { message } warnings { message } } }`;
const CREATE = `mutation Create($input: CartInput) { cartCreate(input: $input) { cart { id lines(first: 10) { nodes { id } } } userErrors { message } } }`;
const UPDATE = `mutation Update($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { cart { totalQuantity } userErrors { message } } }`;
const REMOVE = `mutation Remove($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { cart { totalQuantity } userErrors { message } } }`;
const READ = `query Read($cartId: ID!) { cart(id: $cartId) { totalQuantity cost { totalAmount { amount } } lines(first: 10) { nodes { id quantity } } } }`;

const { catalog, dataDir, task } = JSON.parse(process.argv[2]!) as {
  catalog: Catalog;
  dataDir: string;
  task: WorkerTask;
};
const store = createLocalStore({ catalog, dataDir, siteUrl: 'http://shop.test' });
const report: WorkerReport = { added: 0, refused: [], errors: [] };

async function write(durationMs: number, merchandiseIds: string[]): Promise<void> {
  const end = Date.now() + durationMs;
  let operations = 0;
  const run = async (query: string, variables: Record<string, unknown>) => {
    const result = await store.execute({ query, variables });
    operations++;
    if (result.errors)
      report.errors.push(
        ...result.errors.map((error) => `${/^\w+ (\w+)/.exec(query)![1]}: ${error.message}`),
      );
    return result.data as
      | Record<string, { cart: { id: string; lines: { nodes: Array<{ id: string }> } } | null }>
      | undefined;
  };
  while (Date.now() < end) {
    const [first, second] = merchandiseIds;
    const created = await run(CREATE, {
      input: { lines: [{ merchandiseId: first, quantity: 1 }] },
    });
    const cart = created?.cartCreate?.cart;
    if (!cart) continue;
    await run(ADD, { cartId: cart.id, lines: [{ merchandiseId: second, quantity: 1 }] });
    await run(READ, { cartId: cart.id });
    await run(UPDATE, { cartId: cart.id, lines: [{ id: cart.lines.nodes[0]!.id, quantity: 2 }] });
    await run(REMOVE, { cartId: cart.id, lineIds: [cart.lines.nodes[0]!.id] });
    // Let the event loop breathe, as a server between requests does.
    await new Promise((resolve) => setImmediate(resolve));
  }
  report.operations = operations;
}

process.on('message', async () => {
  if (task.kind === 'add') {
    for (let round = 0; round < task.rounds; round++) {
      for (const cartId of task.carts) {
        const result = await store.execute({
          query: ADD,
          variables: { cartId, lines: [{ merchandiseId: task.merchandiseId, quantity: 1 }] },
        });
        const data = result.data as
          | {
              cartLinesAdd: {
                userErrors: Array<{ message: string }>;
                warnings: Array<{ message: string }>;
              };
            }
          | undefined;
        // Out of stock is a warning, and nothing is added: that counts as refused here.
        const refusals = [
          ...(data?.cartLinesAdd.userErrors ?? []),
          ...(data?.cartLinesAdd.warnings ?? []),
        ];
        if (result.errors) report.errors.push(...result.errors.map((error) => error.message));
        else if (refusals.length) report.refused.push(...refusals.map((error) => error.message));
        else report.added++;
      }
    }
  } else if (task.kind === 'write') {
    await write(task.durationMs, task.merchandiseIds);
  } else {
    const result = store.placeOrder(task.cartId);
    report.order = result.ok ? { ok: true } : { ok: false, message: result.message };
  }
  store.close();
  process.send!(report, () => process.exit(0));
});
process.send!('ready');
