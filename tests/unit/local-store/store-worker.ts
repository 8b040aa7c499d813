/**
 * A second server process on the same SQLite file, as `next start` workers are. Driven by
 * concurrency.test.ts over IPC: it opens the store, says "ready", and runs its task on "go".
 */
import type { Catalog } from '../../../lib/content/catalog-types';
import { createLocalStore } from '../../../lib/storefront/local/index';

export type WorkerTask =
  | { kind: 'add'; carts: string[]; merchandiseId: string; rounds: number }
  | { kind: 'order'; cartId: string };

export interface WorkerReport {
  added: number;
  refused: string[];
  errors: string[];
  order?: { ok: boolean; message?: string };
}

const ADD = `mutation Add($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { message } } }`;

const { catalog, dataDir, task } = JSON.parse(process.argv[2]!) as { catalog: Catalog; dataDir: string; task: WorkerTask };
const store = createLocalStore({ catalog, dataDir, siteUrl: 'http://shop.test' });
const report: WorkerReport = { added: 0, refused: [], errors: [] };

process.on('message', async () => {
  if (task.kind === 'add') {
    for (let round = 0; round < task.rounds; round++) {
      for (const cartId of task.carts) {
        const result = await store.execute({ query: ADD, variables: { cartId, lines: [{ merchandiseId: task.merchandiseId, quantity: 1 }] } });
        const data = result.data as { cartLinesAdd: { userErrors: Array<{ message: string }> } } | undefined;
        if (result.errors) report.errors.push(...result.errors.map((error) => error.message));
        else if (data?.cartLinesAdd.userErrors.length) report.refused.push(...data.cartLinesAdd.userErrors.map((error) => error.message));
        else report.added++;
      }
    }
  } else {
    const result = store.placeOrder(task.cartId);
    report.order = result.ok ? { ok: true } : { ok: false, message: result.message };
  }
  store.close();
  process.send!(report, () => process.exit(0));
});
process.send!('ready');
