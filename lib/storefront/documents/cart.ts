/**
 * The cart as the server-rendered /cart page and the no-JavaScript forms need it. A selection set
 * written into each document rather than a GraphQL fragment: a fragment spread counts as one more
 * level of depth, and with each line's plan choices (merchandise → sellingPlanAllocations →
 * sellingPlan) the documents would need 11 of the local store's 20 (they keep to half of each limit,
 * tests/unit/local-store/limits.test.ts). Shopify receives the same fields either way.
 */
const CART_SELECTION = `
    id
    checkoutUrl
    totalQuantity
    discountCodes {
      code
      applicable
    }
    discountAllocations {
      discountedAmount {
        amount
        currencyCode
      }
    }
    cost {
      subtotalAmount {
        amount
        currencyCode
      }
      totalAmount {
        amount
        currencyCode
      }
    }
    lines(first: 50) {
      nodes {
        id
        quantity
        cost {
          amountPerQuantity {
            amount
            currencyCode
          }
          totalAmount {
            amount
            currencyCode
          }
        }
        merchandise {
          ... on ProductVariant {
            id
            title
            quantityAvailable
            image {
              url
              altText
              width
              height
            }
            product {
              handle
              title
            }
            # The plans this line can move to (change or remove its subscription from the cart).
            sellingPlanAllocations(first: 5) {
              nodes {
                sellingPlan {
                  id
                  name
                }
              }
            }
          }
        }
        sellingPlanAllocation {
          sellingPlan {
            id
            name
          }
          priceAdjustments {
            price {
              amount
              currencyCode
            }
          }
        }
      }
    }
`;

const USER_ERRORS = `
  userErrors {
    field
    message
    code
  }
`;

export const CART_DISCOUNT_CODES_UPDATE_MUTATION = `#graphql
  mutation CartDiscountCodesUpdate($cartId: ID!, $discountCodes: [String!]!) {
    cartDiscountCodesUpdate(cartId: $cartId, discountCodes: $discountCodes) {
      cart {
        ${CART_SELECTION}
      }
      ${USER_ERRORS}
      warnings {
        code
        message
      }
    }
  }
`;

export const CART_QUERY = `#graphql
  query Cart($cartId: ID!) {
    cart(id: $cartId) {
      ${CART_SELECTION}
    }
  }
`;

export const CART_CREATE_MUTATION = `#graphql
  mutation CartCreate($input: CartInput!) {
    cartCreate(input: $input) {
      cart {
        ${CART_SELECTION}
      }
      ${USER_ERRORS}
    }
  }
`;

export const CART_LINES_ADD_MUTATION = `#graphql
  mutation CartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) {
    cartLinesAdd(cartId: $cartId, lines: $lines) {
      cart {
        ${CART_SELECTION}
      }
      ${USER_ERRORS}
    }
  }
`;

export const CART_LINES_UPDATE_MUTATION = `#graphql
  mutation CartLinesUpdate($cartId: ID!, $lines: [CartLineUpdateInput!]!) {
    cartLinesUpdate(cartId: $cartId, lines: $lines) {
      cart {
        ${CART_SELECTION}
      }
      ${USER_ERRORS}
    }
  }
`;

export const CART_LINES_REMOVE_MUTATION = `#graphql
  mutation CartLinesRemove($cartId: ID!, $lineIds: [ID!]!) {
    cartLinesRemove(cartId: $cartId, lineIds: $lineIds) {
      cart {
        ${CART_SELECTION}
      }
      ${USER_ERRORS}
    }
  }
`;
