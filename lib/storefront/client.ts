import 'server-only';
import { createStorefrontClient } from '@shopify/hydrogen-react';
import { storefrontConfig, type StorefrontConfig } from './config';
import { StorefrontError } from './errors';
import type { StorefrontMutations, StorefrontQueries } from './storefrontapi.generated';

export interface RequestOptions {
  /** Cache tags for product data, so a catalog change can revalidate exactly the pages that show it. */
  tags?: string[];
  /** Cart reads and writes are never cached. */
  cache?: 'no-store';
  /**
   * The shopper's IP, for requests made on their behalf (cart actions). Shopify asks server-side
   * callers with a private token to forward it, so its bot protection sees buyers, not our server.
   */
  buyerIp?: string;
}

/** Every document in lib/storefront/documents, with its variables and answer (npm run codegen). */
type Operations = StorefrontQueries & StorefrontMutations;

interface GraphQLResponse {
  data?: unknown;
  errors?: Array<{ message: string }> | string;
}

/**
 * The one way server code talks to the storefront. In local mode the operation runs in this process
 * (no HTTP round trip to ourselves, which also works during `next build`). Typed by the document, as
 * Hydrogen's `storefront.query` is: an unknown document or an unselected field does not compile.
 */
export async function storefrontRequest<TDocument extends keyof Operations>(
  document: TDocument,
  variables: Operations[TDocument]['variables'],
  options: RequestOptions = {},
): Promise<Operations[TDocument]['return']> {
  const config = storefrontConfig();
  const response =
    config.mode === 'local'
      ? await executeLocally(document, variables)
      : await fetchFromShopify(config, document, variables, options);
  if (response.errors && response.errors.length > 0) {
    const messages =
      typeof response.errors === 'string'
        ? response.errors
        : response.errors.map((error) => error.message).join('; ');
    throw new StorefrontError('graphql', 'The store could not answer this request.', messages);
  }
  if (!response.data) throw new StorefrontError('graphql', 'The store sent an empty answer.');
  return response.data as Operations[TDocument]['return'];
}

async function executeLocally(
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const { getLocalStore } = await import('./local/instance');
  const result = await getLocalStore().execute({ query, variables });
  // The same plain JSON a network answer would give (graphql-js builds null-prototype objects).
  return JSON.parse(JSON.stringify(result)) as GraphQLResponse;
}

async function fetchFromShopify(
  config: StorefrontConfig,
  query: string,
  variables: Record<string, unknown>,
  options: RequestOptions,
): Promise<GraphQLResponse> {
  const client = createStorefrontClient({
    storeDomain: config.storeDomain,
    storefrontApiVersion: config.apiVersion,
    ...(config.privateToken
      ? { privateStorefrontToken: config.privateToken }
      : { publicStorefrontToken: config.publicToken }),
  });
  // The private token is Shopify's advice for server-side calls; the public one still works without it.
  const headers = config.privateToken
    ? client.getPrivateTokenHeaders({
        contentType: 'json',
        ...(options.buyerIp ? { buyerIp: options.buyerIp } : {}),
      })
    : client.getPublicTokenHeaders({ contentType: 'json' });

  let response: Response;
  try {
    response = await fetch(client.getStorefrontApiUrl(), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(config.timeoutMs),
      ...(options.cache === 'no-store'
        ? { cache: 'no-store' as const }
        : { next: { tags: options.tags ?? [] } }),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw timedOut
      ? new StorefrontError('timeout', 'The store is taking too long to answer.')
      : new StorefrontError('unreachable', 'The store cannot be reached right now.', String(error));
  }
  if (!response.ok && response.status !== 400) {
    throw new StorefrontError('http', `The store answered with an error (${response.status}).`);
  }
  return (await response.json()) as GraphQLResponse;
}
