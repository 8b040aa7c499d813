/**
 * Everything the buy box shows per size: price, compare-at price, stock and image follow the variant.
 * Subscribe & save comes from Shopify's selling plans: the product's plans (name, interval, percentage)
 * and, per variant, what each plan costs for that size, as the store computes it. `variants(first: 25)`
 * (a product here has two or three sizes) keeps the query's cost (first × fields, 4,700 with ten plan
 * prices per variant) within half the local store's cost limit, like every document the app sends.
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
      variants(first: 25) {
        nodes {
          id
          title
          sku
          availableForSale
          quantityAvailable
          price {
            amount
            currencyCode
          }
          compareAtPrice {
            amount
            currencyCode
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
          sellingPlanAllocations(first: 10) {
            nodes {
              sellingPlan {
                id
              }
              priceAdjustments {
                price {
                  amount
                  currencyCode
                }
                compareAtPrice {
                  amount
                  currencyCode
                }
                perDeliveryPrice {
                  amount
                  currencyCode
                }
              }
            }
          }
        }
      }
    }
  }
`;
