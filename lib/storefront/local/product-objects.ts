import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogProduct, CatalogVariant } from '@/lib/content/catalog-types';
import type { CartRepository } from './cart-repository';
import type { CatalogIndex } from './catalog-index';
import { connection, type ConnectionArgs } from './connection';
import { productGid, variantGid } from './ids';
import { productImages } from './images';
import { money, toCents } from './money';
import { notImplemented } from './not-implemented';
import { encodeOptionIndices } from './variant-encoding';

export interface StoreContext {
  catalog: CatalogIndex;
  carts: CartRepository;
  siteUrl: string;
}

const OPTION_NAME = 'Size';

interface SelectedOptionsArgs {
  selectedOptions?: Array<{ name: string; value: string }> | null;
  ignoreUnknownOptions?: boolean | null;
  caseInsensitiveMatch?: boolean | null;
}

type ListArgs = ConnectionArgs & { sortKey?: string | null };

/** Units still for sale: the catalog's stock less what orders have taken. */
export function availableQuantity(context: StoreContext, variant: CatalogVariant): number {
  return Math.max(0, variant.stock - context.carts.orderedQuantity(variant.sku));
}

/** Stock costs a query: look it up only when a selected field needs it, and once per object. */
function lazyStock(context: StoreContext, variant: CatalogVariant): () => number {
  let available: number | undefined;
  return () => (available ??= availableQuantity(context, variant));
}

/** Lists keep catalog order; other orders Shopify offers would be a silent lie, so they are refused. */
function inCatalogOrder<T>(items: T[], args: ListArgs, info: GraphQLResolveInfo) {
  if (args.sortKey && args.sortKey !== 'POSITION' && args.sortKey !== 'RELEVANCE') throw notImplemented(info, `sortKey ${args.sortKey}`);
  return connection(items, args);
}

export function variantObject(context: StoreContext, product: CatalogProduct, variant: CatalogVariant, stock = lazyStock(context, variant)): Record<string, unknown> {
  const currency = context.catalog.currency;
  const price = money(toCents(variant.price), currency);
  const compareAtPrice = variant.compareAtPrice ? money(toCents(variant.compareAtPrice), currency) : null;
  return {
    __typename: 'ProductVariant',
    id: variantGid(variant.sku),
    title: variant.title,
    sku: variant.sku,
    barcode: null,
    availableForSale: () => stock() > 0,
    // Shopify's meaning is "out of stock but still sold (backorder)": the local store never backorders.
    currentlyNotInStock: false,
    quantityAvailable: stock,
    requiresShipping: true,
    taxable: true,
    price,
    priceV2: price,
    compareAtPrice,
    compareAtPriceV2: compareAtPrice,
    unitPrice: null,
    unitPriceMeasurement: null,
    weight: null,
    weightUnit: 'GRAMS',
    selectedOptions: [{ __typename: 'SelectedOption', name: OPTION_NAME, value: variant.title }],
    image: () => productImages(context.siteUrl, product).of(variant.image),
    product: () => productObject(context, product),
    sellingPlanAllocations: (args: ConnectionArgs) => connection([], args),
    components: (args: ConnectionArgs) => connection([], args),
    requiresComponents: false,
    groupedBy: (args: ConnectionArgs) => connection([], args),
    quantityPriceBreaks: (args: ConnectionArgs) => connection([], args),
  };
}

export function productObject(context: StoreContext, product: CatalogProduct): Record<string, unknown> {
  const currency = context.catalog.currency;
  const stocks = product.variants.map((variant) => lazyStock(context, variant));
  const variants = product.variants.map((variant, index) => variantObject(context, product, variant, stocks[index]));
  const availableIndices = () => stocks.flatMap((stock, index) => (stock() > 0 ? [index] : []));
  const images = productImages(context.siteUrl, product);
  const prices = product.variants.map((variant) => toCents(variant.price));
  // A variant without a compare-at price counts as 0, which is how Shopify reports "no sale price".
  const compareAt = product.variants.map((variant) => (variant.compareAtPrice ? toCents(variant.compareAtPrice) : 0));
  const optionValues = product.variants.map((variant, index) => ({
    __typename: 'ProductOptionValue',
    id: `gid://shopify/ProductOptionValue/${variant.sku}`,
    name: variant.title,
    swatch: null,
    firstSelectableVariant: variants[index],
  }));
  const matching = (args: SelectedOptionsArgs) => {
    const index = matchVariant(product, args);
    return index === undefined ? null : variants[index]!;
  };
  const firstAvailable = () => variants[availableIndices()[0] ?? 0] ?? null;

  return {
    __typename: 'Product',
    id: productGid(product.handle),
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    productType: '',
    description: ({ truncateAt }: { truncateAt?: number | null }) => truncate(product.description, truncateAt),
    descriptionHtml: toHtml(product.description),
    availableForSale: () => availableIndices().length > 0,
    isGiftCard: false,
    requiresSellingPlan: false,
    tags: [],
    totalInventory: () => stocks.reduce((sum, stock) => sum + stock(), 0),
    onlineStoreUrl: `${context.siteUrl}/products/${product.handle}`,
    trackingParameters: null,
    seo: { __typename: 'SEO', title: product.title, description: product.description },
    featuredImage: images.featured,
    images: (args: ListArgs, _context: unknown, info: GraphQLResolveInfo) => inCatalogOrder(images.all, args, info),
    options: ({ first }: { first?: number | null }) =>
      [
        {
          __typename: 'ProductOption',
          id: `gid://shopify/ProductOption/${product.handle}-size`,
          name: OPTION_NAME,
          values: product.variants.map((variant) => variant.title),
          optionValues,
        },
      ].slice(0, first ?? undefined),
    variants: (args: ListArgs, _context: unknown, info: GraphQLResolveInfo) => inCatalogOrder(variants, args, info),
    variantsCount: { __typename: 'Count', count: variants.length, precision: 'EXACT' },
    selectedOrFirstAvailableVariant: (args: SelectedOptionsArgs) => matching(args) ?? firstAvailable(),
    variantBySelectedOptions: matching,
    // With a single option every other size is one step away.
    adjacentVariants: (args: SelectedOptionsArgs) => {
      const selected = matching(args) ?? firstAvailable();
      return variants.filter((variant) => variant !== selected);
    },
    encodedVariantExistence: encodeOptionIndices(product.variants.map((_, index) => index)),
    encodedVariantAvailability: () => encodeOptionIndices(availableIndices()),
    priceRange: { __typename: 'ProductPriceRange', minVariantPrice: money(Math.min(...prices), currency), maxVariantPrice: money(Math.max(...prices), currency) },
    compareAtPriceRange: {
      __typename: 'ProductPriceRange',
      minVariantPrice: money(Math.min(...compareAt), currency),
      maxVariantPrice: money(Math.max(...compareAt), currency),
    },
  };
}

function matchVariant(product: CatalogProduct, args: SelectedOptionsArgs): number | undefined {
  const same = (a: string, b: string) => (args.caseInsensitiveMatch ? a.toLowerCase() === b.toLowerCase() : a === b);
  const selected = (args.selectedOptions ?? []).filter((option) => !args.ignoreUnknownOptions || same(option.name, OPTION_NAME));
  if (selected.length === 0 || selected.some((option) => !same(option.name, OPTION_NAME))) return undefined;
  const index = product.variants.findIndex((variant) => selected.every((option) => same(option.value, variant.title)));
  return index === -1 ? undefined : index;
}

function truncate(text: string, length: number | null | undefined): string {
  if (length == null || text.length <= length) return text;
  return `${text.slice(0, Math.max(0, length - 1)).trimEnd()}…`;
}

/** The catalog description is plain text; blank lines separate paragraphs. */
function toHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
