import type { ConsentChoice } from '@/lib/content/types';
import type { CartLineView, CartView } from '@/lib/storefront/cart-view';
import type { CartEvent } from './events';
import type { AnalyticsProduct } from './page';

/** An item of a GA4 ecommerce event. */
export interface EcommerceItem {
  item_id: string;
  item_name: string;
  item_variant: string;
  item_brand?: string;
  price: number;
  quantity: number;
}

export interface EcommerceEvent {
  event: 'view_item' | 'add_to_cart' | 'remove_from_cart' | 'view_cart' | 'begin_checkout';
  ecommerce: { currency: string; value: number; items: EcommerceItem[]; coupon?: string };
}

/** A variant's own id, the same for a product page and a cart line: "gid://shopify/ProductVariant/42" → "42". */
const variantKey = (gid: string) => gid.slice(gid.lastIndexOf('/') + 1);
const amount = (value: string) => Number(value);
const total = (items: EcommerceItem[]) =>
  Math.round(items.reduce((sum, item) => sum + item.price * item.quantity, 0) * 100) / 100;

function event(
  name: EcommerceEvent['event'],
  currency: string,
  items: EcommerceItem[],
  coupon?: string,
): EcommerceEvent {
  return {
    event: name,
    ecommerce: { currency, value: total(items), items, ...(coupon ? { coupon } : {}) },
  };
}

export function lineItem(line: CartLineView, quantity = line.quantity): EcommerceItem {
  return {
    item_id: variantKey(line.merchandiseId),
    item_name: line.productTitle,
    item_variant: line.sellingPlan
      ? `${line.variantTitle}, ${line.sellingPlan.name}`
      : line.variantTitle,
    price: amount(line.unitPrice.amount),
    quantity,
  };
}

export function viewItem(product: AnalyticsProduct): EcommerceEvent {
  return event('view_item', product.currency, [
    {
      item_id: variantKey(product.variantId),
      item_name: product.title,
      item_variant: product.variantTitle,
      item_brand: product.vendor,
      price: amount(product.price),
      quantity: 1,
    },
  ]);
}

function wholeCartEvent(name: 'view_cart' | 'begin_checkout', cart: CartView): EcommerceEvent {
  const coupon = cart.discountCodes
    .filter((code) => code.applicable)
    .map((code) => code.code)
    .join(',');
  return event(
    name,
    cart.total.currencyCode,
    cart.lines.map((line) => lineItem(line)),
    coupon,
  );
}

/** The GA4 events a cart event stands for (none when it changed nothing GA4 counts). */
export function ecommerceEvents(cartEvent: CartEvent): EcommerceEvent[] {
  switch (cartEvent.type) {
    case 'add': {
      const line = findLine(cartEvent.cart, cartEvent.merchandiseId, cartEvent.sellingPlanId);
      return line
        ? [event('add_to_cart', line.unitPrice.currencyCode, [lineItem(line, cartEvent.quantity)])]
        : [];
    }
    case 'quantity': {
      const { line, quantity } = cartEvent;
      const change = quantity - line.quantity;
      if (change === 0) return [];
      const name = change > 0 ? 'add_to_cart' : 'remove_from_cart';
      return [event(name, line.unitPrice.currencyCode, [lineItem(line, Math.abs(change))])];
    }
    case 'remove':
      return [
        event('remove_from_cart', cartEvent.line.unitPrice.currencyCode, [
          lineItem(cartEvent.line),
        ]),
      ];
    case 'view':
      return cartEvent.cart.lines.length > 0 ? [wholeCartEvent('view_cart', cartEvent.cart)] : [];
    case 'checkout':
      return [wholeCartEvent('begin_checkout', cartEvent.cart)];
  }
}

/** The cart line an add landed on: the same variant on the same plan (or one-time). */
export function findLine(
  cart: CartView,
  merchandiseId: string,
  sellingPlanId: string | null,
): CartLineView | undefined {
  return cart.lines.find(
    (line) =>
      line.merchandiseId === merchandiseId && (line.sellingPlan?.id ?? null) === sellingPlanId,
  );
}

/** Google's consent mode: analytics storage follows analytics, the three ad signals follow marketing. */
export function consentModeState(choice: ConsentChoice) {
  const state = (allowed: boolean) => (allowed ? 'granted' : 'denied');
  return {
    analytics_storage: state(choice.analytics),
    ad_storage: state(choice.marketing),
    ad_user_data: state(choice.marketing),
    ad_personalization: state(choice.marketing),
  };
}

type DataLayerWindow = Window & { dataLayer?: unknown[] };

/** Google's `gtag()`: consent commands must be pushed as an `arguments` object, not as an array. */
const gtag = function gtag() {
  // eslint-disable-next-line prefer-rest-params
  ((window as DataLayerWindow).dataLayer ??= []).push(arguments);
} as (...args: unknown[]) => void;

/** Creates the dataLayer with the consent state first, so every tag sees it before any event. */
export function startDataLayer(choice: ConsentChoice): void {
  gtag('consent', 'default', consentModeState(choice));
}

export function updateConsentMode(choice: ConsentChoice): void {
  gtag('consent', 'update', consentModeState(choice));
}

/** One GA4 ecommerce event, after clearing the previous one's `ecommerce` as Google asks. */
export function pushEcommerce(next: EcommerceEvent): void {
  const dataLayer = ((window as DataLayerWindow).dataLayer ??= []);
  dataLayer.push({ ecommerce: null });
  dataLayer.push(next);
}
