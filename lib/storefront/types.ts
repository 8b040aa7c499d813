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
}

export interface StorefrontProduct {
  id: string;
  handle: string;
  title: string;
  vendor: string;
  availableForSale: boolean;
  options: Array<{ name: string; optionValues: Array<{ name: string }> }>;
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
  };
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
