/** What Shopify's analytics needs to name the shop in every event it receives. */
export const SHOP_QUERY = `#graphql
  query ShopAnalytics {
    shop {
      id
      paymentSettings {
        currencyCode
      }
    }
  }
`;
