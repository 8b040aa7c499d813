import 'server-only';
import { storefrontRequest } from './client';
import { PRODUCT_QUERY } from './documents';
import { StorefrontError } from './errors';
import type { MoneyFragment, ProductOfferQuery } from './storefrontapi.generated';

/** A product as PRODUCT_QUERY reads it from the store (price, stock, plans), beside its content. */
export type StorefrontProduct = NonNullable<ProductOfferQuery['product']>;
/** One size of it as the store sells it; lib/content's ProductVariant is the size as the page describes it. */
export type StorefrontVariant = StorefrontProduct['variants']['nodes'][number];
type SellingPlan =
  StorefrontProduct['sellingPlanGroups']['nodes'][number]['sellingPlans']['nodes'][number];

export type ProductOfferResult =
  | { ok: true; product: StorefrontProduct }
  /** `storeFailed`: the store could not answer (down, slow, errors), as opposed to not selling it. */
  | { ok: false; message: string; storeFailed: boolean };

export function productCacheTag(handle: string): string {
  return `product:${handle}`;
}

/**
 * Price and stock for a product page. A failing store never breaks the page: the caller renders the
 * content and tells the shopper that buying is unavailable for now.
 */
export async function getProductOffer(handle: string): Promise<ProductOfferResult> {
  try {
    const data = await storefrontRequest(
      PRODUCT_QUERY,
      { handle, country: 'US', language: 'EN' },
      { tags: [productCacheTag(handle)] },
    );
    if (data.product) return { ok: true, product: data.product };
    const message = 'This product is not for sale in the store right now.';
    return { ok: false, message, storeFailed: false };
  } catch (error) {
    if (error instanceof StorefrontError) {
      console.error(`[storefront] product ${handle}: ${error.message}`, error.details ?? '');
      const message = `${error.message} Prices and buying are unavailable for the moment.`;
      return { ok: false, message, storeFailed: true };
    }
    throw error;
  }
}

/** The variant for `?size=N`, or the first one for sale when the size is missing or unknown. */
export function variantForSize(product: StorefrontProduct, size: number | undefined) {
  const variants = product.variants.nodes;
  const bySize =
    size === undefined ? undefined : variants.find((variant) => sizeOf(variant.title) === size);
  return bySize ?? variants.find((variant) => variant.availableForSale) ?? variants[0] ?? null;
}

/** "120 softgels" → 120; sizes are the number that starts the option value. */
export function sizeOf(title: string): number | undefined {
  const match = /^(\d+)/.exec(title);
  return match ? Number(match[1]) : undefined;
}

/** One subscribe & save choice for the buy box, as plain data. */
export interface SubscriptionOption {
  /** The selling plan id, for a cart line's `sellingPlanId`. */
  id: string;
  /** The plan's name, e.g. "Delivers every 30 days, 10% off". */
  name: string;
  intervalDays: number;
  percentOff: number;
  /** This variant's price on the plan. */
  price: MoneyFragment;
  /** What one delivery costs (the same as `price` unless the plan is prepaid). */
  perDelivery: MoneyFragment;
  /** The store's price per unit on the plan; null unless the variant has a unit price measurement. */
  storeUnitPrice: MoneyFragment | null;
}

/**
 * The subscriptions a shopper can pick for this variant, from the store's selling plans (a Shopify
 * store's plans live in Shopify, not in content). A plan the store did not price for this variant,
 * or without recurring deliveries, a percentage off, or an interval in days, weeks or months (as
 * subscription apps write it: "Delivery every" / "30 days"), is left out rather than guessed.
 */
export function subscriptionOptions(
  product: StorefrontProduct,
  variant: StorefrontVariant,
): SubscriptionOption[] {
  const adjustments = new Map(
    variant.sellingPlanAllocations.nodes.map((allocation) => [
      allocation.sellingPlan.id,
      allocation.priceAdjustments[0],
    ]),
  );
  return product.sellingPlanGroups.nodes.flatMap((group) =>
    group.sellingPlans.nodes.flatMap((plan): SubscriptionOption[] => {
      const adjustment = adjustments.get(plan.id);
      const intervalDays = planIntervalDays(plan.options);
      if (!plan.recurringDeliveries || !adjustment || intervalDays === undefined) return [];
      // Only SellingPlanPercentagePriceAdjustment has the field (PRODUCT_QUERY selects it on that type).
      const [percentOff] = plan.priceAdjustments.flatMap(({ adjustmentValue: value }) =>
        'adjustmentPercentage' in value ? [value.adjustmentPercentage] : [],
      );
      if (percentOff === undefined) return [];
      return [
        {
          id: plan.id,
          name: plan.name,
          intervalDays,
          percentOff,
          price: adjustment.price,
          perDelivery: adjustment.perDeliveryPrice,
          storeUnitPrice: adjustment.unitPrice ?? null,
        },
      ];
    }),
  );
}

/** A month counts as 30 days, the interval the local store and most subscription apps mean by it. */
const DAYS_PER_UNIT = { d: 1, w: 7, m: 30 } as const;

/** "30 days", "Every 2 weeks", "1 month", "Monthly" → days; undefined when no option states an interval. */
export function planIntervalDays(options: SellingPlan['options']): number | undefined {
  for (const option of options) {
    const match = /(?:^|\s)(?:(\d+)\s*)?(days?|daily|weeks?|weekly|months?|monthly)\b/i.exec(
      option.value ?? '',
    );
    if (match)
      return (
        Number(match[1] ?? 1) *
        DAYS_PER_UNIT[match[2]![0]!.toLowerCase() as keyof typeof DAYS_PER_UNIT]
      );
  }
  return undefined;
}
