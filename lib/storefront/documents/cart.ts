import { MONEY_FRAGMENT } from './money';

/**
 * The cart as the /cart page, the drawer and the no-JavaScript forms show it, in every answer.
 * `lines(first: 100)`: a cart holds one line per size and plan, far fewer (Hydrogen reads 100 too);
 * `sellingPlanAllocations(first: 50)`: every plan the product query can offer (5 groups × 10).
 */
const CART_FRAGMENT = `#graphql
  fragment CartFields on Cart {
    id
    checkoutUrl
    totalQuantity
    discountCodes {
      code
      applicable
    }
    discountAllocations {
      discountedAmount {
        ...Money
      }
    }
    cost {
      subtotalAmount {
        ...Money
      }
      totalAmount {
        ...Money
      }
    }
    lines(first: 100) {
      nodes {
        id
        quantity
        cost {
          amountPerQuantity {
            ...Money
          }
          totalAmount {
            ...Money
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
            sellingPlanAllocations(first: 50) {
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
              ...Money
            }
          }
        }
      }
    }
  }
  ${MONEY_FRAGMENT}
` as const;

export const CART_QUERY = `#graphql
  query Cart($cartId: ID!) {
    cart(id: $cartId) {
      ...CartFields
    }
  }
  ${CART_FRAGMENT}
` as const;

/**
 * What every mutation answers. `warnings`: since API 2024-10 Shopify makes a change asking for more
 * than is in stock with what it has, and says so in a CartWarning instead of refusing it.
 */
const CART_PAYLOAD = `
      cart {
        ...CartFields
      }
      userErrors {
        field
        message
      }
      warnings {
        code
        message
        target
      }` as const;

export const CART_CREATE_MUTATION = `#graphql
  mutation CartCreate($input: CartInput!) {
    cartCreate(input: $input) {
      ${CART_PAYLOAD}
    }
  }
  ${CART_FRAGMENT}
` as const;

export const CART_LINES_ADD_MUTATION = `#graphql
  mutation CartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) {
    cartLinesAdd(cartId: $cartId, lines: $lines) {
      ${CART_PAYLOAD}
    }
  }
  ${CART_FRAGMENT}
` as const;

export const CART_LINES_UPDATE_MUTATION = `#graphql
  mutation CartLinesUpdate($cartId: ID!, $lines: [CartLineUpdateInput!]!) {
    cartLinesUpdate(cartId: $cartId, lines: $lines) {
      ${CART_PAYLOAD}
    }
  }
  ${CART_FRAGMENT}
` as const;

export const CART_LINES_REMOVE_MUTATION = `#graphql
  mutation CartLinesRemove($cartId: ID!, $lineIds: [ID!]!) {
    cartLinesRemove(cartId: $cartId, lineIds: $lineIds) {
      ${CART_PAYLOAD}
    }
  }
  ${CART_FRAGMENT}
` as const;

export const CART_DISCOUNT_CODES_UPDATE_MUTATION = `#graphql
  mutation CartDiscountCodesUpdate($cartId: ID!, $discountCodes: [String!]!) {
    cartDiscountCodesUpdate(cartId: $cartId, discountCodes: $discountCodes) {
      ${CART_PAYLOAD}
    }
  }
  ${CART_FRAGMENT}
` as const;
