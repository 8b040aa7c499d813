/** The kinds of page field measurements are grouped by. */
export const PAGE_TYPES = ['home', 'product', 'cart', 'checkout', 'order', 'other'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export function pageTypeOf(pathname: string): PageType {
  if (pathname === '/') return 'home';
  if (pathname.startsWith('/products/')) return 'product';
  if (pathname === '/cart') return 'cart';
  if (pathname === '/checkout') return 'checkout';
  if (pathname.startsWith('/orders/')) return 'order';
  return 'other';
}

/** The product and variant a product page shows, as the page's analytics describe it. */
export interface AnalyticsProduct {
  handle: string;
  productId: string;
  variantId: string;
  title: string;
  variantTitle: string;
  vendor: string;
  /** The price the page shows (the plan's, on a subscription page), e.g. "24.00". */
  price: string;
  currency: string;
  sku: string | null;
}

/** The id of the `<script type="application/json">` a product page carries its AnalyticsProduct in. */
export const PRODUCT_DATA_ID = 'analytics-product';

export function readProductData(document: Document): AnalyticsProduct | null {
  const text = document.getElementById(PRODUCT_DATA_ID)?.textContent;
  return text ? (JSON.parse(text) as AnalyticsProduct) : null;
}
