import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { getContent, toCatalog, type Catalog } from '@/lib/content';
import { createLocalStore, type LocalStore } from '@/lib/storefront/local';

/**
 * Stands in for Shopify's Storefront API on loopback, as tests/unit/storefront/remote-client.test.ts
 * does: the documents the app sends, executed by the local store against Shopify's own schema. The
 * app under test runs in Shopify mode against it, over HTTP, with nothing of its own changed.
 */
/** `siteUrl`: where the app serves the images the answers name. */
export async function startStorefrontStandIn(port: number, siteUrl: string) {
  let catalog = toCatalog(getContent());
  let store = open(catalog, siteUrl);
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(await store.execute({ query, variables })));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    execute: (query: string) => store.execute({ query }),
    /** The merchant changes a price in Shopify's admin: every later answer has the new one. */
    setPrice(sku: string, price: string) {
      catalog = structuredClone(catalog);
      const variant = catalog.products
        .flatMap((product) => product.variants)
        .find((item) => item.sku === sku);
      if (!variant) throw new Error(`No variant ${sku} in content`);
      variant.price = price;
      store.close();
      store = open(catalog, siteUrl);
    },
    close() {
      server.closeAllConnections();
      server.close();
      store.close();
    },
  };
}

function open(catalog: Catalog, siteUrl: string): LocalStore {
  return createLocalStore({
    catalog,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-storefront-stand-in-')),
    siteUrl,
  });
}
