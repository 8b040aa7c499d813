import { afterAll, describe, expect, it } from 'vitest';
import { decodeEncodedVariant, getProductOptions } from '@shopify/hydrogen-react';
import { D30, D90, freshStore, run, V120, V60 } from './fixture';

const { store } = freshStore();
afterAll(() => store.close());

const PRODUCT = `
  id handle title vendor description descriptionHtml availableForSale totalInventory onlineStoreUrl
  seo { title description }
  options { id name values optionValues { id name firstSelectableVariant { id } } }
  featuredImage { id url altText width height }
  images(first: 5) { nodes { id url } }
  priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
  compareAtPriceRange { minVariantPrice { amount } maxVariantPrice { amount } }
  encodedVariantExistence encodedVariantAvailability
  selectedOrFirstAvailableVariant { id }
  variants(first: 10) {
    pageInfo { hasNextPage hasPreviousPage }
    edges { cursor node { id } }
    nodes {
      id title sku availableForSale quantityAvailable currentlyNotInStock requiresShipping
      price { amount currencyCode } compareAtPrice { amount currencyCode } unitPrice { amount }
      selectedOptions { name value }
      image { id url altText width height }
      product { handle }
    }
  }
`;

describe('product(handle:)', () => {
  it('answers with options, variants, prices, stock and images shaped as Shopify shapes them', async () => {
    const { product } = await run<{ product: Record<string, unknown> }>(
      store,
      `query($handle: String!) @inContext(country: US, language: EN) { product(handle: $handle) { ${PRODUCT} } }`,
      { handle: 'test-d3k2' },
    );
    expect(product).toEqual({
      id: 'gid://shopify/Product/test-d3k2',
      handle: 'test-d3k2',
      title: 'Test D3 + K2',
      vendor: 'Test Brand',
      description: 'Vitamin D3 & K2 <b>together</b>.\n\nTake one softgel a day.',
      descriptionHtml: '<p>Vitamin D3 &amp; K2 &lt;b&gt;together&lt;/b&gt;.</p><p>Take one softgel a day.</p>',
      availableForSale: true,
      totalInventory: 505,
      onlineStoreUrl: 'http://shop.test/products/test-d3k2',
      seo: { title: 'Test D3 + K2', description: 'Vitamin D3 & K2 <b>together</b>.\n\nTake one softgel a day.' },
      options: [
        {
          id: 'gid://shopify/ProductOption/test-d3k2-size',
          name: 'Size',
          values: ['60 softgels', '120 softgels'],
          optionValues: [
            { id: 'gid://shopify/ProductOptionValue/T-60', name: '60 softgels', firstSelectableVariant: { id: V60 } },
            { id: 'gid://shopify/ProductOptionValue/T-120', name: '120 softgels', firstSelectableVariant: { id: V120 } },
          ],
        },
      ],
      featuredImage: { id: 'gid://shopify/ProductImage/test-d3k2-1', url: 'http://shop.test/images/test.svg', altText: 'Test bottle', width: 600, height: 600 },
      images: {
        nodes: [
          { id: 'gid://shopify/ProductImage/test-d3k2-1', url: 'http://shop.test/images/test.svg' },
          { id: 'gid://shopify/ProductImage/test-d3k2-2', url: 'http://shop.test/images/test-120.svg' },
        ],
      },
      priceRange: { minVariantPrice: { amount: '19.0', currencyCode: 'USD' }, maxVariantPrice: { amount: '32.0', currencyCode: 'USD' } },
      compareAtPriceRange: { minVariantPrice: { amount: '0.0' }, maxVariantPrice: { amount: '38.0' } },
      encodedVariantExistence: 'v1_0-1',
      encodedVariantAvailability: 'v1_0-1',
      selectedOrFirstAvailableVariant: { id: V60 },
      variants: {
        pageInfo: { hasNextPage: false, hasPreviousPage: false },
        edges: [expect.objectContaining({ node: { id: V60 } }), expect.objectContaining({ node: { id: V120 } })],
        nodes: [
          {
            id: V60,
            title: '60 softgels',
            sku: 'T-60',
            availableForSale: true,
            quantityAvailable: 500,
            currentlyNotInStock: false,
            requiresShipping: true,
            price: { amount: '19.0', currencyCode: 'USD' },
            compareAtPrice: null,
            unitPrice: null,
            selectedOptions: [{ name: 'Size', value: '60 softgels' }],
            image: { id: 'gid://shopify/ProductImage/test-d3k2-1', url: 'http://shop.test/images/test.svg', altText: 'Test bottle', width: 600, height: 600 },
            product: { handle: 'test-d3k2' },
          },
          {
            id: V120,
            title: '120 softgels',
            sku: 'T-120',
            availableForSale: true,
            quantityAvailable: 5,
            currentlyNotInStock: false,
            requiresShipping: true,
            price: { amount: '32.0', currencyCode: 'USD' },
            compareAtPrice: { amount: '38.0', currencyCode: 'USD' },
            unitPrice: null,
            selectedOptions: [{ name: 'Size', value: '120 softgels' }],
            image: { id: 'gid://shopify/ProductImage/test-d3k2-2', url: 'http://shop.test/images/test-120.svg', altText: 'Large test bottle', width: 600, height: 800 },
            product: { handle: 'test-d3k2' },
          },
        ],
      },
    });
  });

  it('skips a sold-out size for the default variant and in the availability encoding hydrogen-react decodes', async () => {
    const { product } = await run<{
      product: {
        availableForSale: boolean;
        selectedOrFirstAvailableVariant: { id: string };
        chosen: { id: string };
        exact: null;
        loose: { id: string };
        encodedVariantAvailability: string;
        encodedVariantExistence: string;
        variants: { nodes: Array<{ availableForSale: boolean; price: { amount: string } }> };
      };
    }>(
      store,
      `{ product(handle: "test-d3") {
          availableForSale
          selectedOrFirstAvailableVariant { id }
          chosen: selectedOrFirstAvailableVariant(selectedOptions: [{ name: "Size", value: "30 softgels" }]) { id }
          exact: variantBySelectedOptions(selectedOptions: [{ name: "size", value: "30 SOFTGELS" }]) { id }
          loose: variantBySelectedOptions(selectedOptions: [{ name: "size", value: "30 SOFTGELS" }, { name: "Color", value: "red" }], caseInsensitiveMatch: true, ignoreUnknownOptions: true) { id }
          encodedVariantAvailability encodedVariantExistence
          variants(first: 5) { nodes { availableForSale price { amount } } }
      } }`,
    );
    expect(product).toMatchObject({
      availableForSale: true,
      selectedOrFirstAvailableVariant: { id: D90 },
      chosen: { id: D30 },
      exact: null,
      loose: { id: D30 },
      variants: { nodes: [{ availableForSale: false, price: { amount: '12.5' } }, { availableForSale: true, price: { amount: '29.99' } }] },
    });
    expect(decodeEncodedVariant(product.encodedVariantAvailability)).toEqual([[1]]);
    expect(decodeEncodedVariant(product.encodedVariantExistence)).toEqual([[0], [1]]);
  });

  it("feeds hydrogen-react's getProductOptions: availability, existence and the selected size", async () => {
    const { product } = await run<{ product: Parameters<typeof getProductOptions>[0] }>(
      store,
      `{ product(handle: "test-d3") {
          handle encodedVariantExistence encodedVariantAvailability
          options { name optionValues { name firstSelectableVariant { ...Variant } swatch { color } } }
          selectedOrFirstAvailableVariant(selectedOptions: [{ name: "Size", value: "30 softgels" }]) { ...Variant }
          adjacentVariants(selectedOptions: [{ name: "Size", value: "30 softgels" }]) { ...Variant }
      } }
      fragment Variant on ProductVariant { id availableForSale selectedOptions { name value } product { handle } }`,
    );
    const options = getProductOptions(product);
    expect(options.map((option) => ({ name: option.name, values: option.optionValues.map(({ name, available, exists, selected }) => ({ name, available, exists, selected })) }))).toEqual([
      {
        name: 'Size',
        values: [
          { name: '30 softgels', available: false, exists: true, selected: true },
          { name: '90 softgels', available: true, exists: true, selected: false },
        ],
      },
    ]);
  });

  it('answers product(id:) too, and null for an unknown handle or id', async () => {
    const data = await run<Record<string, unknown>>(
      store,
      `{ byId: product(id: "gid://shopify/Product/test-d3") { handle }
         missing: product(handle: "nope") { id }
         missingId: product(id: "gid://shopify/Product/nope") { id } }`,
    );
    expect(data).toEqual({ byId: { handle: 'test-d3' }, missing: null, missingId: null });
  });

  it('pages variants and images with first/after/last', async () => {
    const { product } = await run<{ product: { first: { edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } }; last: { nodes: Array<{ id: string }> } } }>(
      store,
      `{ product(handle: "test-d3k2") {
          first: variants(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
          last: variants(last: 1) { nodes { id } }
      } }`,
    );
    expect(product.first.edges.map((edge) => edge.node.id)).toEqual([V60]);
    expect(product.first.pageInfo.hasNextPage).toBe(true);
    expect(product.last.nodes).toEqual([{ id: V120 }]);
    const { product: next } = await run<{ product: { variants: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } } } }>(
      store,
      `query($after: String) { product(handle: "test-d3k2") { variants(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`,
      { after: product.first.pageInfo.endCursor },
    );
    expect(next.variants).toEqual({ nodes: [{ id: V120 }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });
});

describe('products and node', () => {
  it('lists products as a connection with edges, nodes, cursors and pageInfo', async () => {
    const first = await run<{ products: { edges: Array<{ cursor: string; node: { handle: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      store,
      `{ products(first: 1) { edges { cursor node { handle } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.products.edges.map((edge) => edge.node.handle)).toEqual(['test-d3k2']);
    expect(first.products.pageInfo.hasNextPage).toBe(true);
    const rest = await run<{ products: { nodes: Array<{ handle: string }>; pageInfo: { hasNextPage: boolean } } }>(
      store,
      `query($after: String) { products(first: 10, after: $after) { nodes { handle } pageInfo { hasNextPage } } }`,
      { after: first.products.pageInfo.endCursor },
    );
    expect(rest.products).toEqual({ nodes: [{ handle: 'test-d3' }], pageInfo: { hasNextPage: false } });
  });

  it('sorts by title, price or vendor, and reverses', async () => {
    const data = await run<Record<string, { nodes: Array<{ handle: string }> }>>(
      store,
      `{ title: products(first: 5, sortKey: TITLE) { nodes { handle } }
         price: products(first: 5, sortKey: PRICE, reverse: true) { nodes { handle } } }`,
    );
    expect(data.title?.nodes.map((node) => node.handle)).toEqual(['test-d3', 'test-d3k2']);
    expect(data.price?.nodes.map((node) => node.handle)).toEqual(['test-d3k2', 'test-d3']);
  });

  it('refuses a search or an ordering it cannot honour, by name, instead of ignoring it', async () => {
    const search = await store.execute({ query: '{ products(first: 5, query: "d3") { nodes { id } } }' });
    expect(search.errors?.map((error) => error.message)).toEqual(['The local store does not implement the query argument of QueryRoot.products.']);
    const order = await store.execute({ query: '{ products(first: 5, sortKey: BEST_SELLING) { nodes { id } } }' });
    expect(order.errors?.map((error) => error.message)).toEqual(['The local store does not implement sortKey BEST_SELLING of QueryRoot.products.']);
  });

  it('resolves products and variants through node and nodes, with __typename for fragments', async () => {
    const data = await run<Record<string, unknown>>(
      store,
      `{ node(id: "${V120}") { __typename id ... on ProductVariant { sku } }
         nodes(ids: ["gid://shopify/Product/test-d3", "gid://shopify/Product/nope"]) { __typename ... on Product { handle } } }`,
    );
    expect(data).toEqual({ node: { __typename: 'ProductVariant', id: V120, sku: 'T-120' }, nodes: [{ __typename: 'Product', handle: 'test-d3' }, null] });
    const other = await store.execute({ query: '{ node(id: "gid://shopify/Collection/1") { id } }' });
    expect(other.errors?.map((error) => error.message)).toEqual(['The local store does not implement lookups of Collection of QueryRoot.node.']);
  });
});
