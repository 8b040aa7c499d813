import { flattenConnection } from '@shopify/hydrogen-react';
import type { Cart, CartLine, Money, StorefrontImage } from './types';

export type { Money };

/**
 * The cart as the browser gets it: plain data with nothing secret (no cart id), shaped for rendering.
 * Client components receive this, never the Storefront API answer itself.
 */
export interface CartLineView {
  id: string;
  merchandiseId: string;
  quantity: number;
  productTitle: string;
  productHandle: string;
  variantTitle: string;
  image: Pick<StorefrontImage, 'url' | 'altText'> | null;
  unitPrice: Money;
  totalPrice: Money;
  /** Null when the store does not track stock for this variant. */
  quantityAvailable: number | null;
}

export interface CartView {
  totalQuantity: number;
  subtotal: Money;
  total: Money;
  checkoutUrl: string;
  lines: CartLineView[];
}

export function toCartView(cart: Cart): CartView {
  return {
    totalQuantity: cart.totalQuantity,
    subtotal: cart.cost.subtotalAmount,
    total: cart.cost.totalAmount,
    checkoutUrl: cart.checkoutUrl,
    lines: flattenConnection(cart.lines).map(toLineView),
  };
}

function toLineView(line: CartLine): CartLineView {
  const { merchandise } = line;
  return {
    id: line.id,
    merchandiseId: merchandise.id,
    quantity: line.quantity,
    productTitle: merchandise.product.title,
    productHandle: merchandise.product.handle,
    variantTitle: merchandise.title,
    image: merchandise.image ? { url: merchandise.image.url, altText: merchandise.image.altText } : null,
    unitPrice: line.cost.amountPerQuantity,
    totalPrice: line.cost.totalAmount,
    quantityAvailable: merchandise.quantityAvailable,
  };
}
