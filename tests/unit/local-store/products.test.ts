import { afterAll, describe, expect, it } from 'vitest';
import { D30, D90, freshStore, run, V120, V60 } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

describe('product(handle:)', () => {
  it('answers the fields the product page reads, shaped as Shopify shapes them', async () => {
    const { product } = await run<{ product: Record<string, unknown> }>(
      store,
      `query($handle: String!) @inContext(country: US, language: EN) { product(handle: $handle) {
        id handle title vendor availableForSale
        options { name optionValues { name } }
        variants(first: 10) { nodes {
          id title sku availableForSale quantityAvailable
          price { amount currencyCode } compareAtPrice { amount currencyCode }
          selectedOptions { name value }
          image { url altText width height }
          product { handle }
        } }
      } }`,
      { handle: 'test-d3k2' },
    );
    expect(product).toEqual({
      id: 'gid://shopify/Product/test-d3k2',
      handle: 'test-d3k2',
      title: 'Test D3 + K2',
      vendor: 'Test Brand',
      availableForSale: true,
      options: [
        { name: 'Size', optionValues: [{ name: '60 softgels' }, { name: '120 softgels' }] },
      ],
      variants: {
        nodes: [
          {
            id: V60,
            title: '60 softgels',
            sku: 'T-60',
            availableForSale: true,
            quantityAvailable: 500,
            price: { amount: '19.0', currencyCode: 'USD' },
            compareAtPrice: null,
            selectedOptions: [{ name: 'Size', value: '60 softgels' }],
            // A variant without its own image shows the product's.
            image: {
              url: 'http://shop.test/images/test.svg',
              altText: 'Test bottle',
              width: 600,
              height: 600,
            },
            product: { handle: 'test-d3k2' },
          },
          {
            id: V120,
            title: '120 softgels',
            sku: 'T-120',
            availableForSale: true,
            quantityAvailable: 5,
            price: { amount: '32.0', currencyCode: 'USD' },
            compareAtPrice: { amount: '38.0', currencyCode: 'USD' },
            selectedOptions: [{ name: 'Size', value: '120 softgels' }],
            image: {
              url: 'http://shop.test/images/test-120.svg',
              altText: 'Large test bottle',
              width: 600,
              height: 800,
            },
            product: { handle: 'test-d3k2' },
          },
        ],
      },
    });
  });

  it('marks a sold-out size unavailable, and the product available while one size is in stock', async () => {
    const { product } = await run<{
      product: {
        availableForSale: boolean;
        variants: {
          nodes: Array<{ id: string; availableForSale: boolean; quantityAvailable: number }>;
        };
      };
    }>(
      store,
      '{ product(handle: "test-d3") { availableForSale variants(first: 5) { nodes { id availableForSale quantityAvailable } } } }',
    );
    expect(product).toEqual({
      availableForSale: true,
      variants: {
        nodes: [
          { id: D30, availableForSale: false, quantityAvailable: 0 },
          { id: D90, availableForSale: true, quantityAvailable: 40 },
        ],
      },
    });
  });

  it('is null for an unknown handle', async () => {
    expect(await run(store, '{ product(handle: "nope") { id } }')).toEqual({ product: null });
  });

  it('honours first: on variants and options', async () => {
    const { product } = await run<{
      product: { variants: { nodes: Array<{ id: string }> }; options: unknown[] };
    }>(
      store,
      '{ product(handle: "test-d3k2") { variants(first: 1) { nodes { id } } options(first: 0) { name } } }',
    );
    expect(product).toEqual({ variants: { nodes: [{ id: V60 }] }, options: [] });
  });
});
