import 'server-only';
import { storefrontRequest } from './client';
import { SHOP_QUERY } from './documents';

export interface ShopIdentity {
  /** `gid://shopify/Shop/…`, the id Shopify's analytics events carry. */
  id: string;
  currencyCode: string;
}

export async function getShop(): Promise<ShopIdentity> {
  const data = await storefrontRequest(SHOP_QUERY, {}, { tags: ['shop'] });
  return { id: data.shop.id, currencyCode: data.shop.paymentSettings.currencyCode };
}
