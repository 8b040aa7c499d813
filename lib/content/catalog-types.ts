/**
 * The catalog as marketers define it in content/products/<handle>/product.yaml.
 * This is what the embedded local store sells; a real Shopify store has its own catalog.
 */
export interface CatalogVariant {
  /** Stock keeping unit, unique across the catalog; also the local variant id. */
  sku: string;
  /** Softgels per bottle; shoppers pick it as `?size=120`. */
  size: number;
  /** Shown to shoppers, e.g. "120 softgels". */
  title: string;
  /** Decimal string in the catalog currency, e.g. "34.00". */
  price: string;
  compareAtPrice: string | null;
  /** Units on hand; 0 means sold out. */
  stock: number;
  /** The bottle for this size, when it differs from the product image. */
  image: CatalogImage | null;
}

export interface CatalogImage {
  /** Site-relative URL, e.g. "/images/vitamin-d3-k2.svg". */
  path: string;
  alt: string;
  width: number;
  height: number;
}

/** Subscribe & save: a delivery every `intervalDays`, `percentOff` off each variant's price. */
export interface CatalogSubscription {
  /** Whole days, 1–365; unique within a product (it is the plan's identity in carts). */
  intervalDays: number;
  /** Whole percent, 1–90. */
  percentOff: number;
  /** Shown to shoppers, e.g. "Delivers every 30 days, 10% off". */
  name: string;
}

export interface CatalogProduct {
  handle: string;
  title: string;
  vendor: string;
  /** Plain-text description. */
  description: string;
  image: CatalogImage;
  variants: CatalogVariant[];
  /** Empty when the product is sold one-time only. */
  subscriptions: CatalogSubscription[];
}

/** A discount code from content/discounts.yaml. */
export interface CatalogDiscount {
  /** Capitals, as shoppers' input is compared after upper-casing it, e.g. "WELCOME10". */
  code: string;
  /** Whole percent off the subtotal (after subscription prices). */
  percentage: number;
  /** Decimal string in the catalog currency, e.g. "50.00"; null when any subtotal qualifies. */
  minimumSubtotal: string | null;
}

export interface Catalog {
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  products: CatalogProduct[];
  discounts: CatalogDiscount[];
}
