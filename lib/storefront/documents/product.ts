import { MONEY_FRAGMENT } from './money';

/**
 * Everything the buy box shows per size (a unit price only when the merchant set the variant's
 * measurement), and subscribe & save from the selling plans: each plan, and its price per variant.
 * `variants(first: 100)`: a size left out could not be bought, and a buy box lists a handful. A
 * subscription app makes a group per offer with a few intervals: 5 groups of up to 10 plans, and 50
 * prices per variant so each plan has its own.
 */
export const PRODUCT_QUERY = `#graphql
  query ProductOffer($handle: String!, $country: CountryCode, $language: LanguageCode)
  @inContext(country: $country, language: $language) {
    product(handle: $handle) {
      id
      handle
      title
      vendor
      availableForSale
      options {
        name
        optionValues {
          name
        }
      }
      sellingPlanGroups(first: 5) {
        nodes {
          name
          sellingPlans(first: 10) {
            nodes {
              id
              name
              recurringDeliveries
              options {
                name
                value
              }
              priceAdjustments {
                adjustmentValue {
                  __typename
                  ... on SellingPlanPercentagePriceAdjustment {
                    adjustmentPercentage
                  }
                }
              }
            }
          }
        }
      }
      variants(first: 100) {
        nodes {
          id
          title
          sku
          availableForSale
          quantityAvailable
          price {
            ...Money
          }
          compareAtPrice {
            ...Money
          }
          unitPrice {
            ...Money
          }
          unitPriceMeasurement {
            measuredType
            referenceUnit
            referenceValue
          }
          selectedOptions {
            name
            value
          }
          image {
            url
            altText
            width
            height
          }
          sellingPlanAllocations(first: 50) {
            nodes {
              sellingPlan {
                id
              }
              priceAdjustments {
                price {
                  ...Money
                }
                compareAtPrice {
                  ...Money
                }
                perDeliveryPrice {
                  ...Money
                }
                unitPrice {
                  ...Money
                }
              }
            }
          }
        }
      }
    }
  }
  ${MONEY_FRAGMENT}
` as const;
