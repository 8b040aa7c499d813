import type { CatalogProduct, CatalogVariant } from '@/lib/content/catalog-types';
import { plansOf, type IndexedPlan } from './catalog-index';
import { connectionOf } from './connection';
import { gid } from './ids';
import { money, pricePerItem, toCents } from './money';

/** What one unit costs on a plan: the percentage off the variant's price, in whole cents rounded half up. */
function planPriceCents(variant: CatalogVariant, plan: IndexedPlan['plan']): number {
  return Math.round((toCents(variant.price) * (100 - plan.percentOff)) / 100);
}

/** A unit's price on this line: the plan's when the line has one, the variant's otherwise. */
export function unitPriceCents(variant: CatalogVariant, plan: IndexedPlan | null): number {
  return plan ? planPriceCents(variant, plan.plan) : toCents(variant.price);
}

/**
 * Shopify's SellingPlan for a plan from content: one delivery every N days, recurring, a percentage
 * off. Billing and delivery policies, checkout charges and descriptions are not implemented (they
 * answer an error naming the field).
 */
function sellingPlanObject({ key, plan }: IndexedPlan): Record<string, unknown> {
  return {
    id: gid('SellingPlan', key),
    name: plan.name,
    recurringDeliveries: true,
    // The wording Shopify's subscription apps use: an option named for the interval, valued "30 days".
    options: [
      {
        name: 'Delivery every',
        value: `${plan.intervalDays} ${plan.intervalDays === 1 ? 'day' : 'days'}`,
      },
    ],
    // `adjustmentValue` is a union: the executor resolves its type from __typename. orderCount (null:
    // the adjustment applies to every order) is not implemented.
    priceAdjustments: [
      {
        adjustmentValue: {
          __typename: 'SellingPlanPercentagePriceAdjustment',
          adjustmentPercentage: plan.percentOff,
        },
      },
    ],
  };
}

/**
 * Product.sellingPlanGroups: one group holding every plan (Shopify groups them per app or offer), or
 * none when the product has no plans.
 */
export function sellingPlanGroups(product: CatalogProduct) {
  const plans = plansOf(product);
  const group = {
    name: 'Subscribe & save',
    sellingPlans: connectionOf(() => plans.map(sellingPlanObject)),
  };
  return connectionOf(() => (plans.length === 0 ? [] : [group]));
}

/**
 * What a plan costs for a variant (SellingPlanAllocation): one price adjustment, since the
 * percentage applies to every delivery. A delivery is one unit, so the per-delivery price is the
 * price; compareAtPrice is the one-time price, as Shopify defines it; the unit price is per softgel.
 */
export function allocationObject(
  variant: CatalogVariant,
  plan: IndexedPlan,
  currency: string,
): Record<string, unknown> {
  const cents = planPriceCents(variant, plan.plan);
  const price = money(cents, currency);
  return {
    sellingPlan: sellingPlanObject(plan),
    priceAdjustments: [
      {
        price,
        compareAtPrice: money(toCents(variant.price), currency),
        perDeliveryPrice: price,
        unitPrice: pricePerItem(cents, variant.size, currency),
      },
    ],
  };
}

/** ProductVariant.sellingPlanAllocations: one per plan of the variant's product. */
export const sellingPlanAllocations = (
  product: CatalogProduct,
  variant: CatalogVariant,
  currency: string,
) => connectionOf(() => plansOf(product).map((plan) => allocationObject(variant, plan, currency)));
