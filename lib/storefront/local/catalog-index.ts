import type {
  Catalog,
  CatalogProduct,
  CatalogSubscription,
  CatalogVariant,
} from '@/lib/content/catalog-types';

export interface IndexedVariant {
  product: CatalogProduct;
  variant: CatalogVariant;
}

export interface IndexedPlan {
  /** The id part of the plan's GID, and what a cart line stores. */
  key: string;
  product: CatalogProduct;
  plan: CatalogSubscription;
}

/**
 * A plan's identity is its product and interval (content allows one plan per interval per product),
 * so a cart line keeps its plan when a marketer changes the percentage or the name, and the new
 * price applies. "vitamin-d3-k2-30d": the last dash separates the interval, so keys never collide.
 */
const planKey = (product: CatalogProduct, plan: CatalogSubscription) =>
  `${product.handle}-${plan.intervalDays}d`;

/** A product's plans with their keys, in the order product.yaml lists them. */
export const plansOf = (product: CatalogProduct): IndexedPlan[] =>
  product.subscriptions.map((plan) => ({ key: planKey(product, plan), product, plan }));

/** Lookups the resolvers need, built once from the catalog in content/. */
export function indexCatalog({ currency, products, discounts }: Catalog) {
  const variants = products.flatMap((product) =>
    product.variants.map((variant): IndexedVariant => ({ product, variant })),
  );
  return {
    currency,
    products: new Map(products.map((product) => [product.handle, product])),
    variants: new Map(variants.map((indexed) => [indexed.variant.sku, indexed])),
    plans: new Map(products.flatMap(plansOf).map((indexed) => [indexed.key, indexed])),
    /** By the code in capitals, as content/discounts.yaml writes it. */
    discounts: new Map(discounts.map((discount) => [discount.code, discount])),
  };
}

export type CatalogIndex = ReturnType<typeof indexCatalog>;
