import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, toCatalog } from '@/lib/content';
import * as documents from '@/lib/storefront/documents';
import { createLocalStore } from '@/lib/storefront/local';
import { freshStore, V120, V60 } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

interface CartData {
  cart: {
    id: string;
    totalQuantity: number;
    discountCodes: Array<{ code: string }>;
    lines: { nodes: Array<{ id: string }> };
  };
  userErrors: unknown[];
  warnings?: unknown[];
}

/** Runs a document and returns its data, failing on any error: every field it selects must resolve. */
async function execute(query: string, variables: Record<string, unknown>) {
  const result = await store.execute({ query, variables });
  expect(result.errors?.map((error) => error.message)).toBeUndefined();
  return JSON.parse(JSON.stringify(result.data)) as Record<string, CartData>;
}

describe("the app's own documents (lib/storefront/documents) resolve every field", () => {
  it('covers every document the app exports (a new one needs a case here)', () => {
    const exported = Object.entries(documents as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'string')
      .map(([name]) => name);
    expect(exported.sort()).toEqual(
      [
        'CART_CREATE_MUTATION',
        'CART_DISCOUNT_CODES_UPDATE_MUTATION',
        'CART_LINES_ADD_MUTATION',
        'CART_LINES_REMOVE_MUTATION',
        'CART_LINES_UPDATE_MUTATION',
        'CART_QUERY',
        'PRODUCT_QUERY',
        'SHOP_QUERY',
      ].sort(),
    );
  });

  it('the product query, with unit prices per softgel as a store measuring by count states them', async () => {
    const data = (await execute(documents.PRODUCT_QUERY, {
      handle: 'test-d3k2',
      country: 'US',
      language: 'EN',
    })) as unknown as {
      product: {
        handle: string;
        variants: {
          nodes: Array<{
            unitPrice: { amount: string };
            unitPriceMeasurement: Record<string, unknown>;
            sellingPlanAllocations: {
              nodes: Array<{ priceAdjustments: Array<{ unitPrice: { amount: string } }> }>;
            };
          }>;
        };
      };
    };
    expect(data.product).toMatchObject({ handle: 'test-d3k2' });
    const [sixty, hundredTwenty] = data.product.variants.nodes;
    // $19.00 / 60 = 31.7 cents; $32.00 / 120 = 26.7 cents; 10% off $19.00 = $17.10 / 60 = 28.5 cents.
    expect(sixty!.unitPrice.amount).toBe('0.32');
    expect(hundredTwenty!.unitPrice.amount).toBe('0.27');
    expect(sixty!.unitPriceMeasurement).toEqual({
      measuredType: 'COUNT',
      referenceUnit: 'ITEM',
      referenceValue: 1,
    });
    expect(sixty!.sellingPlanAllocations.nodes[0]!.priceAdjustments[0]!.unitPrice.amount).toBe(
      '0.29',
    );
  });

  it('the shop query', async () => {
    const data = (await execute(documents.SHOP_QUERY, {})) as unknown as {
      shop: { id: string; paymentSettings: { currencyCode: string } };
    };
    expect(data.shop).toEqual({
      id: 'gid://shopify/Shop/1',
      paymentSettings: { currencyCode: 'USD' },
    });
  });

  it('the cart query and mutations', async () => {
    const created = (
      await execute(documents.CART_CREATE_MUTATION, {
        input: { lines: [{ merchandiseId: V60, quantity: 1 }] },
      })
    ).cartCreate!.cart;
    const cartId = created.id;
    await execute(documents.CART_LINES_ADD_MUTATION, {
      cartId,
      lines: [{ merchandiseId: V120, quantity: 1 }],
    });
    await execute(documents.CART_LINES_UPDATE_MUTATION, {
      cartId,
      lines: [{ id: created.lines.nodes[0]!.id, quantity: 3 }],
    });
    await execute(documents.CART_LINES_REMOVE_MUTATION, {
      cartId,
      lineIds: [created.lines.nodes[0]!.id],
    });
    const discounted = (
      await execute(documents.CART_DISCOUNT_CODES_UPDATE_MUTATION, {
        cartId,
        discountCodes: ['WELCOME10'],
      })
    ).cartDiscountCodesUpdate!;
    expect(discounted).toMatchObject({
      cart: { discountCodes: [{ code: 'WELCOME10' }] },
      userErrors: [],
      warnings: [],
    });
    const data = (await execute(documents.CART_QUERY, { cartId })) as unknown as {
      cart: { totalQuantity: number };
    };
    expect(data.cart.totalQuantity).toBe(1);
  });

  it('every product in content/ answers the product query', async () => {
    const { content } = checkContent(process.cwd());
    expect(content).not.toBeNull();
    const catalog = toCatalog(content!);
    const real = createLocalStore({
      catalog,
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-content-')),
      siteUrl: 'http://shop.test',
    });
    try {
      for (const product of catalog.products) {
        const result = await real.execute({
          query: documents.PRODUCT_QUERY,
          variables: { handle: product.handle },
        });
        expect({
          handle: product.handle,
          errors: result.errors?.map((error) => error.message),
        }).toEqual({ handle: product.handle, errors: undefined });
        expect(
          (result.data as { product: { variants: { nodes: unknown[] } } }).product.variants.nodes,
        ).toHaveLength(product.variants.length);
      }
    } finally {
      real.close();
    }
  });
});
