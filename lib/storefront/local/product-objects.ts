import type { CatalogImage, CatalogProduct, CatalogVariant } from '@/lib/content/catalog-types';
import { connectionOf } from './connection';
import { gid } from './ids';
import { money, pricePerItem, toCents } from './money';
import { sellingPlanAllocations, sellingPlanGroups } from './selling-plans';
import type { CartRepository } from './cart-repository';
import type { CatalogIndex } from './catalog-index';

export interface StoreContext {
  catalog: CatalogIndex;
  carts: CartRepository;
  siteUrl: string;
}

const OPTION_NAME = 'Size';

/** Units still for sale: the catalog's stock less what orders have taken. */
export function availableQuantity(context: StoreContext, variant: CatalogVariant): number {
  return Math.max(0, variant.stock - context.carts.orderedQuantity(variant.sku));
}

/** Stock costs a query: look it up only when a selected field needs it, and once per object. */
function lazyStock(context: StoreContext, variant: CatalogVariant): () => number {
  let available: number | undefined;
  return () => (available ??= availableQuantity(context, variant));
}

/** Shopify's CDN resizes via `url(transform:)`; the local store serves one size, which is still a valid answer. */
function imageObject(siteUrl: string, image: CatalogImage) {
  return {
    url: `${siteUrl}${image.path}`,
    altText: image.alt,
    width: image.width,
    height: image.height,
  };
}

/*
 * Objects carry exactly the fields the app's documents (lib/storefront/documents) select; the executor
 * answers any other field with an error naming it. A value is a function when it needs arguments or
 * costs a query.
 */

export function variantObject(
  context: StoreContext,
  product: CatalogProduct,
  variant: CatalogVariant,
  stock = lazyStock(context, variant),
): Record<string, unknown> {
  const currency = context.catalog.currency;
  return {
    // Cart lines hold a Merchandise union: the executor resolves its type from __typename.
    __typename: 'ProductVariant',
    id: gid('ProductVariant', variant.sku),
    title: variant.title,
    sku: variant.sku,
    availableForSale: () => stock() > 0,
    quantityAvailable: stock,
    price: money(toCents(variant.price), currency),
    compareAtPrice: variant.compareAtPrice
      ? money(toCents(variant.compareAtPrice), currency)
      : null,
    unitPrice: pricePerItem(toCents(variant.price), variant.size, currency),
    // A bottle of `size` softgels, priced per softgel.
    unitPriceMeasurement: {
      measuredType: 'COUNT',
      quantityUnit: 'ITEM',
      quantityValue: variant.size,
      referenceUnit: 'ITEM',
      referenceValue: 1,
    },
    selectedOptions: [{ name: OPTION_NAME, value: variant.title }],
    image: imageObject(context.siteUrl, variant.image ?? product.image),
    product: () => productObject(context, product),
    sellingPlanAllocations: sellingPlanAllocations(product, variant, currency),
  };
}

export function productObject(
  context: StoreContext,
  product: CatalogProduct,
): Record<string, unknown> {
  const stocks = product.variants.map((variant) => lazyStock(context, variant));
  const variants = product.variants.map((variant, index) =>
    variantObject(context, product, variant, stocks[index]),
  );
  return {
    id: gid('Product', product.handle),
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    availableForSale: () => stocks.some((stock) => stock() > 0),
    options: ({ first }: { first?: number | null }) =>
      [
        {
          name: OPTION_NAME,
          optionValues: product.variants.map((variant) => ({ name: variant.title })),
        },
      ].slice(0, first == null ? undefined : Math.max(0, first)),
    sellingPlanGroups: sellingPlanGroups(product),
    variants: connectionOf(() => variants),
  };
}
