/** Shapes of the Storefront API answers this app reads; field names are Shopify's. */
export interface Money {
  amount: string;
  currencyCode: string;
}

export interface StorefrontImage {
  url: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}

export interface ProductVariant {
  id: string;
  title: string;
  sku: string | null;
  availableForSale: boolean;
  quantityAvailable: number | null;
  price: Money;
  compareAtPrice: Money | null;
  selectedOptions: Array<{ name: string; value: string }>;
  image: StorefrontImage | null;
  /** What each of the product's selling plans costs for this variant (empty without plans). */
  sellingPlanAllocations: { nodes: SellingPlanAllocation[] };
}

/** How a plan changes the price; the app reads the percentage kind, the others are named by __typename. */
export type SellingPlanPriceAdjustmentValue =
  | { __typename: 'SellingPlanPercentagePriceAdjustment'; adjustmentPercentage: number }
  | { __typename: 'SellingPlanFixedAmountPriceAdjustment' | 'SellingPlanFixedPriceAdjustment' };

/** A subscription (Shopify's selling plan), e.g. "Delivers every 30 days, 10% off". */
export interface SellingPlan {
  id: string;
  name: string;
  recurringDeliveries: boolean;
  /** E.g. `{ name: "Delivery every", value: "30 days" }`. */
  options: Array<{ name: string | null; value: string | null }>;
  priceAdjustments: Array<{ adjustmentValue: SellingPlanPriceAdjustmentValue }>;
}

export interface SellingPlanGroup {
  name: string;
  sellingPlans: { nodes: SellingPlan[] };
}

/** One plan's price for one variant, as the store computes it. */
export interface SellingPlanAllocation {
  sellingPlan: { id: string };
  /** At most two (Shopify: the first applies at purchase, the second after some orders). */
  priceAdjustments: Array<{
    /** The price with the plan. */
    price: Money;
    /** The price without it (the one-time price). */
    compareAtPrice: Money;
    /** The price of one delivery (differs from `price` only for prepaid plans). */
    perDeliveryPrice: Money;
  }>;
}

export interface StorefrontProduct {
  id: string;
  handle: string;
  title: string;
  vendor: string;
  availableForSale: boolean;
  options: Array<{ name: string; optionValues: Array<{ name: string }> }>;
  /** Subscribe & save; empty when the product is sold one-time only. */
  sellingPlanGroups: { nodes: SellingPlanGroup[] };
  variants: { nodes: ProductVariant[] };
}

export interface CartLine {
  id: string;
  quantity: number;
  cost: { amountPerQuantity: Money; totalAmount: Money };
  merchandise: {
    id: string;
    title: string;
    quantityAvailable: number | null;
    image: StorefrontImage | null;
    product: { handle: string; title: string };
    sellingPlanAllocations: { nodes: Array<{ sellingPlan: { id: string; name: string } }> };
  };
  /** The subscription this line is bought on; null for a one-time purchase. */
  sellingPlanAllocation: {
    sellingPlan: { id: string; name: string };
    priceAdjustments: Array<{ price: Money }>;
  } | null;
}

export interface Cart {
  id: string;
  checkoutUrl: string;
  totalQuantity: number;
  discountCodes: Array<{ code: string; applicable: boolean }>;
  discountAllocations: Array<{ discountedAmount: Money }>;
  cost: { subtotalAmount: Money; totalAmount: Money };
  lines: { nodes: CartLine[] };
}
