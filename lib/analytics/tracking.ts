import { measuresAnything, type ConsentChoice } from './consent';
import {
  ecommerceEvents,
  pushEcommerce,
  startDataLayer,
  updateConsentMode,
  viewItem,
} from './data-layer';
import { deliverCartEvents } from './events';
import { loadTagManager } from './gtm';
import { readProductData } from './page';
import type { AnalyticsSetup } from './setup';
import type { ShopifyAnalytics } from './shopify';

export interface Tracking {
  /** The shopper changed their choice (from the footer): measure accordingly from now on. */
  update(choice: ConsentChoice): void;
}

/**
 * Everything this page measures, loaded only once the shopper allowed something: the dataLayer
 * (with Google's consent mode, and the Tag Manager container when the store has one) for analytics
 * or marketing, and Shopify's analytics for analytics. Cart events go to whichever is allowed.
 */
export function startTracking(setup: AnalyticsSetup, initial: ConsentChoice): Tracking {
  const product = readProductData(document);
  let choice = initial;
  let dataLayerStarted = false;
  let shopify: Promise<ShopifyAnalytics> | null = null;

  function apply(next: ConsentChoice) {
    choice = next;
    if (dataLayerStarted) updateConsentMode(next);
    else if (measuresAnything(next)) {
      dataLayerStarted = true;
      startDataLayer(next);
      if (product) pushEcommerce(viewItem(product));
      if (setup.gtmId) loadTagManager(setup.gtmId);
    }
    const shopifySetup = setup.shopify;
    if (shopify) void shopify.then((analytics) => analytics.update(next)).catch(() => undefined);
    else if (shopifySetup && next.analytics)
      shopify = import('./shopify').then((module) =>
        module.startShopifyAnalytics(shopifySetup, next, product),
      );
  }

  apply(initial);
  deliverCartEvents((event) => {
    if (!measuresAnything(choice)) return;
    ecommerceEvents(event).forEach(pushEcommerce);
    void shopify?.then((analytics) => analytics.cart(event)).catch(() => undefined);
  });
  return { update: apply };
}
