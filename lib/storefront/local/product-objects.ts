import type { CatalogProduct, CatalogVariant } from '@/lib/content/catalog-types';
import type { CartRepository } from './cart-repository';
import type { CatalogIndex } from './catalog-index';
import { connection } from './connection';
import { productGid, variantGid } from './ids';
import { money, toCents } from './money';

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

function imageObject(context: StoreContext, image: { path: string; alt: string; width: number; height: number }, id: string) {
  return {
    __typename: 'Image',
    id: `gid://shopify/ProductImage/${id}`,
    url: () => `${context.siteUrl}${image.path}`,
    altText: image.alt,
    width: image.width,
    height: image.height,
    thumbhash: null,
  };
}

export function variantObject(context: StoreContext, product: CatalogProduct, variant: CatalogVariant): Record<string, unknown> {
  const currency = context.catalog.currency;
  let available: number | undefined;
  // Stock needs a query; only pay for it when a field that shows it is selected.
  const stock = () => (available ??= availableQuantity(context, variant));
  const price = money(toCents(variant.price), currency);
  const compareAtPrice = variant.compareAtPrice ? money(toCents(variant.compareAtPrice), currency) : null;
  return {
    __typename: 'ProductVariant',
    id: variantGid(variant.sku),
    title: variant.title,
    sku: variant.sku,
    barcode: null,
    availableForSale: () => stock() > 0,
    currentlyNotInStock: () => stock() <= 0,
    quantityAvailable: stock,
    requiresShipping: true,
    price,
    priceV2: price,
    compareAtPrice,
    compareAtPriceV2: compareAtPrice,
    unitPrice: null,
    unitPriceMeasurement: null,
    weight: null,
    weightUnit: 'GRAMS',
    selectedOptions: [{ __typename: 'SelectedOption', name: OPTION_NAME, value: variant.title }],
    image: imageObject(context, variant.image ?? product.image, `${product.handle}-${variant.sku}`),
    product: () => productObject(context, product),
    sellingPlanAllocations: (args: Record<string, number>) => connection([], args),
  };
}

export function productObject(context: StoreContext, product: CatalogProduct): Record<string, unknown> {
  const variants = product.variants.map((variant) => variantObject(context, product, variant));
  const prices = product.variants.map((variant) => toCents(variant.price));
  const compareAt = product.variants.map((variant) => toCents(variant.compareAtPrice ?? variant.price));
  const currency = context.catalog.currency;
  const optionValues = product.variants.map((variant, index) => ({
    __typename: 'ProductOptionValue',
    id: `gid://shopify/ProductOptionValue/${variant.sku}`,
    name: variant.title,
    swatch: null,
    firstSelectableVariant: variants[index],
  }));
  const image = imageObject(context, product.image, product.handle);
  const findVariant = (selected: Array<{ name: string; value: string }> | undefined) =>
    variants.find((variant) => (selected ?? []).every((option) => option.name === OPTION_NAME && option.value === variant.title)) ?? null;

  return {
    __typename: 'Product',
    id: productGid(product.handle),
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    productType: 'Dietary supplement',
    description: () => product.description,
    descriptionHtml: `<p>${escapeHtml(product.description)}</p>`,
    availableForSale: () => product.variants.some((variant) => availableQuantity(context, variant) > 0),
    isGiftCard: false,
    requiresSellingPlan: false,
    tags: [],
    totalInventory: product.variants.reduce((sum, variant) => sum + availableQuantity(context, variant), 0),
    onlineStoreUrl: `${context.siteUrl}/products/${product.handle}`,
    seo: { __typename: 'SEO', title: product.title, description: product.description },
    featuredImage: image,
    images: (args: Record<string, number>) => connection([image], args),
    options: (args: { first?: number }) =>
      [{ __typename: 'ProductOption', id: `gid://shopify/ProductOption/${product.handle}-size`, name: OPTION_NAME, values: product.variants.map((variant) => variant.title), optionValues }].slice(
        0,
        args.first ?? undefined,
      ),
    variants: (args: Record<string, number>) => connection(variants, args),
    variantsCount: { __typename: 'Count', count: variants.length, precision: 'EXACT' },
    selectedOrFirstAvailableVariant: (args: { selectedOptions?: Array<{ name: string; value: string }> }) =>
      findVariant(args.selectedOptions) ?? variants.find((_, index) => availableQuantity(context, product.variants[index]!) > 0) ?? variants[0] ?? null,
    variantBySelectedOptions: (args: { selectedOptions: Array<{ name: string; value: string }> }) => findVariant(args.selectedOptions),
    priceRange: { __typename: 'ProductPriceRange', minVariantPrice: money(Math.min(...prices), currency), maxVariantPrice: money(Math.max(...prices), currency) },
    compareAtPriceRange: { __typename: 'ProductPriceRange', minVariantPrice: money(Math.min(...compareAt), currency), maxVariantPrice: money(Math.max(...compareAt), currency) },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
