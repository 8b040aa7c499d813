import type { ExecutionResult } from 'graphql';
import type { Catalog } from '@/lib/content/catalog-types';
import { CartRepository } from './cart-repository';
import { CatalogIndex } from './catalog-index';
import { checkpointInBackground } from './checkpointer';
import { openDatabase } from './database';
import { RequestError } from './documents';
import { createExecutor, type OperationRequest } from './execute';
import type { PlainAnswer, PlainRequest } from '@/lib/http/plain-http';
import { answerGraphQLRequest, handleGraphQLRequest } from './http';
import { createOrders, type LocalOrder, type PlaceOrderResult } from './orders';

export type { LocalOrder, LocalOrderLine, PlaceOrderResult } from './orders';
export type { OperationRequest };

export interface LocalStore {
  /**
   * One GraphQL operation, in process (build time and server code; no HTTP). A request that cannot
   * run at all (syntax, validation, variables) answers `{ errors }` without `data`, as Shopify's 400 body does.
   */
  execute(request: OperationRequest): Promise<ExecutionResult>;
  /** The Storefront API endpoint, /api/<version>/graphql.json: POST, OPTIONS, and clear 4xx answers. */
  handleRequest(request: Request): Promise<Response>;
  /** The same endpoint for a server that is not Fetch-based (the production HTTP front). */
  answerRequest(request: PlainRequest): Promise<PlainAnswer>;
  /** The local checkout: turns a cart into an order atomically, or says why it cannot. */
  placeOrder(cartId: string): PlaceOrderResult;
  getOrder(orderId: string): LocalOrder | null;
  close(): void;
}

/**
 * The embedded store used when no Shopify store is configured: Shopify's Storefront schema,
 * the catalog from content/, carts and orders in SQLite.
 */
export function createLocalStore(options: { catalog: Catalog; dataDir: string; siteUrl: string }): LocalStore {
  const db = openDatabase(options.dataDir);
  const checkpoints = checkpointInBackground(db);
  const carts = new CartRepository(db);
  const context = { catalog: new CatalogIndex(options.catalog), carts, siteUrl: options.siteUrl.replace(/\/+$/, '') };
  const run = createExecutor(context);
  const orders = createOrders(db, context, carts);

  return {
    async execute(request) {
      try {
        return await run(request);
      } catch (error) {
        // In process there is no status code: a bad request answers like Shopify's body for a 400.
        if (error instanceof RequestError) return { errors: error.errors };
        throw error;
      }
    },
    handleRequest: (request) => handleGraphQLRequest(request, run),
    answerRequest: (request) => answerGraphQLRequest(request, run),
    placeOrder: orders.placeOrder,
    getOrder: orders.getOrder,
    close: () => {
      checkpoints.stop();
      db.close();
    },
  };
}
