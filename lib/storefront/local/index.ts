import type { ExecutionResult } from 'graphql';
import type { Catalog } from '@/lib/content/catalog-types';
import { CartRepository } from './cart-repository';
import { CatalogIndex } from './catalog-index';
import { openDatabase } from './database';
import { createExecutor, type OperationRequest } from './execute';
import { handleGraphQLRequest } from './http';
import { createOrders, type LocalOrder, type PlaceOrderResult } from './orders';

export type { LocalOrder, PlaceOrderResult, OperationRequest };

export interface LocalStore {
  /** One GraphQL operation, in process (build time and server code; no HTTP). */
  execute(request: OperationRequest): Promise<ExecutionResult>;
  /** The Storefront API endpoint: /api/<version>/graphql.json. */
  handleRequest(request: Request): Promise<Response>;
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
  const carts = new CartRepository(db);
  const context = { catalog: new CatalogIndex(options.catalog), carts, siteUrl: options.siteUrl.replace(/\/+$/, '') };
  const run = createExecutor(context);
  const orders = createOrders(db, context, carts);

  return {
    async execute(request) {
      try {
        return await run(request);
      } catch (error) {
        if (error instanceof Error && 'errors' in error) return { errors: (error as { errors: ExecutionResult['errors'] }).errors };
        throw error;
      }
    },
    handleRequest: (request) => handleGraphQLRequest(request, run),
    placeOrder: orders.placeOrder,
    getOrder: orders.getOrder,
    close: () => db.close(),
  };
}
