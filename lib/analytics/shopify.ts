import {
  AnalyticsEventName,
  AnalyticsPageType,
  getClientBrowserParameters,
  sendShopifyAnalytics,
  ShopifySalesChannel,
  type ShopifyAddToCartPayload,
  type ShopifyAnalyticsProduct,
  type ShopifyPageViewPayload,
} from '@shopify/hydrogen-react';
import type { ConsentChoice } from '@/lib/content/types';
import type { CartLineView } from '@/lib/storefront/cart-view';
import { pageNonce } from './nonce';
import { pageTypeOf, type AnalyticsProduct, type PageType } from './page';
import type { CartEvent } from './events';
import type { ShopifyAnalyticsSetup } from './setup';

/** Shopify's Customer Privacy API, the script Hydrogen's useCustomerPrivacy loads. */
export const CUSTOMER_PRIVACY_API =
  'https://cdn.shopify.com/shopifycloud/consent-tracking-api/v0.2/consent-tracking-api.js';

/** How long events wait for the Customer Privacy API (to load, then to answer) before going without it. */
const PRIVACY_API_WAIT_MS = 3000;

interface CustomerPrivacy {
  setTrackingConsent(
    consent: Record<string, unknown>,
    callback: (result?: { error?: string }) => void,
  ): void;
}

type ShopifyWindow = Window & { Shopify?: { customerPrivacy?: CustomerPrivacy } };

export interface ShopifyAnalytics {
  update(choice: ConsentChoice): void;
  cart(event: CartEvent): void;
}

const SHOPIFY_PAGE_TYPES: Record<PageType, string> = {
  home: AnalyticsPageType.home,
  product: AnalyticsPageType.product,
  cart: AnalyticsPageType.cart,
  checkout: AnalyticsPageType.page,
  order: AnalyticsPageType.customersOrder,
  other: AnalyticsPageType.page,
};

/**
 * Shopify's analytics for a custom storefront (hydrogen-react's sendShopifyAnalytics), after the
 * shopper allowed analytics. Their choice is first recorded with Shopify's Customer Privacy API
 * (headless mode, on the checkout's domain), which also supplies the visit and unique tokens events
 * carry; if it cannot load (blocked, offline) the events go without them.
 */
export function startShopifyAnalytics(
  setup: ShopifyAnalyticsSetup,
  initial: ConsentChoice,
  product: AnalyticsProduct | null,
): ShopifyAnalytics {
  let choice = initial;
  const privacy = loadCustomerPrivacy();
  const recorded = privacy.then((api) => recordConsent(api, setup, choice));

  const base = () =>
    ({
      shopifySalesChannel: ShopifySalesChannel.headless,
      shopId: setup.shopId,
      currency: setup.currency,
      acceptedLanguage: setup.acceptedLanguage,
      hasUserConsent: choice.analytics,
      analyticsAllowed: choice.analytics,
      marketingAllowed: choice.marketing,
      saleOfDataAllowed: choice.marketing,
      // Shopify's regulation flags, set as Hydrogen sets them from the same three answers.
      ccpaEnforced: !choice.marketing,
      gdprEnforced: !(choice.analytics && choice.marketing),
      ...getClientBrowserParameters(),
    }) as ShopifyPageViewPayload;

  const send = (event: Parameters<typeof sendShopifyAnalytics>[0]) =>
    // A failed beacon is Shopify's problem to lose, never the shopper's page to break.
    void sendShopifyAnalytics(event).catch(() => undefined);

  void recorded.then(() => {
    const page = {
      pageType: SHOPIFY_PAGE_TYPES[pageTypeOf(location.pathname)],
      ...(product ? { resourceId: product.productId } : {}),
    };
    if (product)
      send({
        eventName: AnalyticsEventName.PRODUCT_VIEW,
        payload: { ...base(), ...page, products: [productPayload(product)] },
      });
    send({ eventName: AnalyticsEventName.PAGE_VIEW_2, payload: { ...base(), ...page } });
  });

  return {
    update(next) {
      choice = next;
      void privacy.then((api) => recordConsent(api, setup, next));
    },
    cart(event) {
      if (!choice.analytics) return;
      const added = addedLine(event);
      const item = added && product ? linePayload(added.line, added.quantity, product) : null;
      if (!item) return;
      void recorded.then(() =>
        send({
          eventName: AnalyticsEventName.ADD_TO_CART,
          payload: { ...base(), products: [item] } as ShopifyAddToCartPayload,
        }),
      );
    },
  };
}

/** The line and the units a cart event added, if it added any. */
function addedLine(event: CartEvent): { line: CartLineView; quantity: number } | null {
  if (event.type === 'add') {
    const line = event.cart.lines.find(
      (candidate) =>
        candidate.merchandiseId === event.merchandiseId &&
        (candidate.sellingPlan?.id ?? null) === event.sellingPlanId,
    );
    return line ? { line, quantity: event.quantity } : null;
  }
  if (event.type === 'quantity' && event.quantity > event.line.quantity)
    return { line: event.line, quantity: event.quantity - event.line.quantity };
  return null;
}

function productPayload(product: AnalyticsProduct): ShopifyAnalyticsProduct {
  return {
    productGid: product.productId,
    variantGid: product.variantId,
    name: product.title,
    variantName: product.variantTitle,
    brand: product.vendor,
    price: product.price,
    quantity: 1,
    ...(product.sku ? { sku: product.sku } : {}),
  };
}

/**
 * A cart line as Shopify's add-to-cart event names it. The cart shown to the browser carries no
 * product id or vendor, so only lines of the product this page shows can be named.
 */
function linePayload(
  line: CartLineView,
  quantity: number,
  product: AnalyticsProduct,
): ShopifyAnalyticsProduct | null {
  if (line.productHandle !== product.handle) return null;
  return {
    productGid: product.productId,
    variantGid: line.merchandiseId,
    name: line.productTitle,
    variantName: line.variantTitle,
    brand: product.vendor,
    price: line.unitPrice.amount,
    quantity,
    ...(line.merchandiseId === product.variantId && product.sku ? { sku: product.sku } : {}),
  };
}

function loadCustomerPrivacy(): Promise<CustomerPrivacy | null> {
  const loaded = (window as ShopifyWindow).Shopify?.customerPrivacy;
  if (loaded?.setTrackingConsent) return Promise.resolve(loaded);
  return new Promise((resolve) => {
    setTimeout(() => resolve(null), PRIVACY_API_WAIT_MS);
    const script = document.createElement('script');
    script.src = CUSTOMER_PRIVACY_API;
    script.async = true;
    script.nonce = pageNonce();
    script.onload = () => resolve((window as ShopifyWindow).Shopify?.customerPrivacy ?? null);
    script.onerror = () => resolve(null);
    document.head.append(script);
  });
}

/** Tells Shopify (and so its checkout) what the shopper chose; settles even if Shopify never answers. */
function recordConsent(
  api: CustomerPrivacy | null,
  setup: ShopifyAnalyticsSetup,
  choice: ConsentChoice,
): Promise<void> {
  if (!api?.setTrackingConsent) return Promise.resolve();
  const rootDomain = sharedRootDomain(location.hostname, setup.checkoutDomain);
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PRIVACY_API_WAIT_MS);
    api.setTrackingConsent(
      {
        analytics: choice.analytics,
        marketing: choice.marketing,
        sale_of_data: choice.marketing,
        headlessStorefront: true,
        checkoutRootDomain: setup.checkoutDomain,
        ...(rootDomain ? { storefrontRootDomain: `.${rootDomain}` } : {}),
        storefrontAccessToken: setup.storefrontAccessToken,
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

/** "shop.example.com" and "checkout.example.com" share "example.com"; a bare TLD is not shared. */
export function sharedRootDomain(host: string, checkoutDomain: string): string | null {
  const a = host.split('.').reverse();
  const b = checkoutDomain.split('.').reverse();
  const shared: string[] = [];
  for (let index = 0; index < Math.min(a.length, b.length) && a[index] === b[index]; index += 1)
    shared.push(a[index]!);
  return shared.length >= 2 ? shared.reverse().join('.') : null;
}
