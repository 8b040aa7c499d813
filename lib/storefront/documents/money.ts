/** Every price the app reads is these two fields, so money has one type (MoneyFragment). */
export const MONEY_FRAGMENT = `#graphql
  fragment Money on MoneyV2 {
    amount
    currencyCode
  }
` as const;
