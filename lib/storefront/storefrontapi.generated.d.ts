/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as StorefrontAPI from '@shopify/hydrogen-react/storefront-api-types';

export type CartCreateMutationVariables = StorefrontAPI.Exact<{
  input: StorefrontAPI.CartInput;
}>;

export type CartCreateMutation = {
  cartCreate: StorefrontAPI.Maybe<{
    cart: StorefrontAPI.Maybe<CartFieldsFragment>;
    userErrors: Array<Pick<StorefrontAPI.CartUserError, 'field' | 'message'>>;
    warnings: Array<Pick<StorefrontAPI.CartWarning, 'code' | 'message' | 'target'>>;
  }>;
};

export type CartDiscountCodesUpdateMutationVariables = StorefrontAPI.Exact<{
  cartId: StorefrontAPI.Scalars['ID']['input'];
  discountCodes:
    Array<StorefrontAPI.Scalars['String']['input']> | StorefrontAPI.Scalars['String']['input'];
}>;

export type CartDiscountCodesUpdateMutation = {
  cartDiscountCodesUpdate: StorefrontAPI.Maybe<{
    cart: StorefrontAPI.Maybe<CartFieldsFragment>;
    userErrors: Array<Pick<StorefrontAPI.CartUserError, 'field' | 'message'>>;
    warnings: Array<Pick<StorefrontAPI.CartWarning, 'code' | 'message' | 'target'>>;
  }>;
};

export type CartLinesAddMutationVariables = StorefrontAPI.Exact<{
  cartId: StorefrontAPI.Scalars['ID']['input'];
  lines: Array<StorefrontAPI.CartLineInput> | StorefrontAPI.CartLineInput;
}>;

export type CartLinesAddMutation = {
  cartLinesAdd: StorefrontAPI.Maybe<{
    cart: StorefrontAPI.Maybe<CartFieldsFragment>;
    userErrors: Array<Pick<StorefrontAPI.CartUserError, 'field' | 'message'>>;
    warnings: Array<Pick<StorefrontAPI.CartWarning, 'code' | 'message' | 'target'>>;
  }>;
};

export type CartLinesRemoveMutationVariables = StorefrontAPI.Exact<{
  cartId: StorefrontAPI.Scalars['ID']['input'];
  lineIds: Array<StorefrontAPI.Scalars['ID']['input']> | StorefrontAPI.Scalars['ID']['input'];
}>;

export type CartLinesRemoveMutation = {
  cartLinesRemove: StorefrontAPI.Maybe<{
    cart: StorefrontAPI.Maybe<CartFieldsFragment>;
    userErrors: Array<Pick<StorefrontAPI.CartUserError, 'field' | 'message'>>;
    warnings: Array<Pick<StorefrontAPI.CartWarning, 'code' | 'message' | 'target'>>;
  }>;
};

export type CartLinesUpdateMutationVariables = StorefrontAPI.Exact<{
  cartId: StorefrontAPI.Scalars['ID']['input'];
  lines: Array<StorefrontAPI.CartLineUpdateInput> | StorefrontAPI.CartLineUpdateInput;
}>;

export type CartLinesUpdateMutation = {
  cartLinesUpdate: StorefrontAPI.Maybe<{
    cart: StorefrontAPI.Maybe<CartFieldsFragment>;
    userErrors: Array<Pick<StorefrontAPI.CartUserError, 'field' | 'message'>>;
    warnings: Array<Pick<StorefrontAPI.CartWarning, 'code' | 'message' | 'target'>>;
  }>;
};

export type CartQueryVariables = StorefrontAPI.Exact<{
  cartId: StorefrontAPI.Scalars['ID']['input'];
}>;

export type CartQuery = { cart: StorefrontAPI.Maybe<CartFieldsFragment> };

export type ProductOfferQueryVariables = StorefrontAPI.Exact<{
  handle: StorefrontAPI.Scalars['String']['input'];
  country?: StorefrontAPI.InputMaybe<StorefrontAPI.CountryCode>;
  language?: StorefrontAPI.InputMaybe<StorefrontAPI.LanguageCode>;
}>;

export type ProductOfferQuery = {
  product: StorefrontAPI.Maybe<
    Pick<StorefrontAPI.Product, 'id' | 'handle' | 'title' | 'vendor' | 'availableForSale'> & {
      options: Array<
        Pick<StorefrontAPI.ProductOption, 'name'> & {
          optionValues: Array<Pick<StorefrontAPI.ProductOptionValue, 'name'>>;
        }
      >;
      sellingPlanGroups: {
        nodes: Array<
          Pick<StorefrontAPI.SellingPlanGroup, 'name'> & {
            sellingPlans: {
              nodes: Array<
                Pick<StorefrontAPI.SellingPlan, 'id' | 'name' | 'recurringDeliveries'> & {
                  options: Array<Pick<StorefrontAPI.SellingPlanOption, 'name' | 'value'>>;
                  priceAdjustments: Array<{
                    adjustmentValue:
                      | {
                          __typename:
                            | 'SellingPlanFixedAmountPriceAdjustment'
                            | 'SellingPlanFixedPriceAdjustment';
                        }
                      | ({ __typename: 'SellingPlanPercentagePriceAdjustment' } & Pick<
                          StorefrontAPI.SellingPlanPercentagePriceAdjustment,
                          'adjustmentPercentage'
                        >);
                  }>;
                }
              >;
            };
          }
        >;
      };
      variants: {
        nodes: Array<
          Pick<
            StorefrontAPI.ProductVariant,
            'id' | 'title' | 'sku' | 'availableForSale' | 'quantityAvailable'
          > & {
            price: MoneyFragment;
            compareAtPrice: StorefrontAPI.Maybe<MoneyFragment>;
            unitPrice: StorefrontAPI.Maybe<MoneyFragment>;
            unitPriceMeasurement: StorefrontAPI.Maybe<
              Pick<
                StorefrontAPI.UnitPriceMeasurement,
                'measuredType' | 'referenceUnit' | 'referenceValue'
              >
            >;
            selectedOptions: Array<Pick<StorefrontAPI.SelectedOption, 'name' | 'value'>>;
            image: StorefrontAPI.Maybe<
              Pick<StorefrontAPI.Image, 'url' | 'altText' | 'width' | 'height'>
            >;
            sellingPlanAllocations: {
              nodes: Array<{
                sellingPlan: Pick<StorefrontAPI.SellingPlan, 'id'>;
                priceAdjustments: Array<{
                  price: MoneyFragment;
                  compareAtPrice: MoneyFragment;
                  perDeliveryPrice: MoneyFragment;
                  unitPrice: StorefrontAPI.Maybe<MoneyFragment>;
                }>;
              }>;
            };
          }
        >;
      };
    }
  >;
};

export type ShopAnalyticsQueryVariables = StorefrontAPI.Exact<{ [key: string]: never }>;

export type ShopAnalyticsQuery = {
  shop: Pick<StorefrontAPI.Shop, 'id'> & {
    paymentSettings: Pick<StorefrontAPI.PaymentSettings, 'currencyCode'>;
  };
};

export type CartFieldsFragment = Pick<
  StorefrontAPI.Cart,
  'id' | 'checkoutUrl' | 'totalQuantity'
> & {
  discountCodes: Array<Pick<StorefrontAPI.CartDiscountCode, 'code' | 'applicable'>>;
  discountAllocations: Array<{ discountedAmount: MoneyFragment }>;
  cost: { subtotalAmount: MoneyFragment; totalAmount: MoneyFragment };
  lines: {
    nodes: Array<
      | (Pick<StorefrontAPI.CartLine, 'id' | 'quantity'> & {
          cost: { amountPerQuantity: MoneyFragment; totalAmount: MoneyFragment };
          merchandise: Pick<StorefrontAPI.ProductVariant, 'id' | 'title' | 'quantityAvailable'> & {
            image: StorefrontAPI.Maybe<
              Pick<StorefrontAPI.Image, 'url' | 'altText' | 'width' | 'height'>
            >;
            product: Pick<StorefrontAPI.Product, 'handle' | 'title'>;
            sellingPlanAllocations: {
              nodes: Array<{ sellingPlan: Pick<StorefrontAPI.SellingPlan, 'id' | 'name'> }>;
            };
          };
          sellingPlanAllocation: StorefrontAPI.Maybe<{
            sellingPlan: Pick<StorefrontAPI.SellingPlan, 'id' | 'name'>;
            priceAdjustments: Array<{ price: MoneyFragment }>;
          }>;
        })
      | (Pick<StorefrontAPI.ComponentizableCartLine, 'id' | 'quantity'> & {
          cost: { amountPerQuantity: MoneyFragment; totalAmount: MoneyFragment };
          merchandise: Pick<StorefrontAPI.ProductVariant, 'id' | 'title' | 'quantityAvailable'> & {
            image: StorefrontAPI.Maybe<
              Pick<StorefrontAPI.Image, 'url' | 'altText' | 'width' | 'height'>
            >;
            product: Pick<StorefrontAPI.Product, 'handle' | 'title'>;
            sellingPlanAllocations: {
              nodes: Array<{ sellingPlan: Pick<StorefrontAPI.SellingPlan, 'id' | 'name'> }>;
            };
          };
          sellingPlanAllocation: StorefrontAPI.Maybe<{
            sellingPlan: Pick<StorefrontAPI.SellingPlan, 'id' | 'name'>;
            priceAdjustments: Array<{ price: MoneyFragment }>;
          }>;
        })
    >;
  };
};

export type MoneyFragment = Pick<StorefrontAPI.MoneyV2, 'amount' | 'currencyCode'>;

interface GeneratedQueryTypes {
  '#graphql\n  query Cart($cartId: ID!) {\n    cart(id: $cartId) {\n      ...CartFields\n    }\n  }\n  #graphql\n  fragment CartFields on Cart {\n    id\n    checkoutUrl\n    totalQuantity\n    discountCodes {\n      code\n      applicable\n    }\n    discountAllocations {\n      discountedAmount {\n        ...Money\n      }\n    }\n    cost {\n      subtotalAmount {\n        ...Money\n      }\n      totalAmount {\n        ...Money\n      }\n    }\n    lines(first: 100) {\n      nodes {\n        id\n        quantity\n        cost {\n          amountPerQuantity {\n            ...Money\n          }\n          totalAmount {\n            ...Money\n          }\n        }\n        merchandise {\n          ... on ProductVariant {\n            id\n            title\n            quantityAvailable\n            image {\n              url\n              altText\n              width\n              height\n            }\n            product {\n              handle\n              title\n            }\n            # The plans this line can move to (change or remove its subscription from the cart).\n            sellingPlanAllocations(first: 50) {\n              nodes {\n                sellingPlan {\n                  id\n                  name\n                }\n              }\n            }\n          }\n        }\n        sellingPlanAllocation {\n          sellingPlan {\n            id\n            name\n          }\n          priceAdjustments {\n            price {\n              ...Money\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment Money on MoneyV2 {\n    amount\n    currencyCode\n  }\n\n\n': {
    return: CartQuery;
    variables: CartQueryVariables;
  };
  '#graphql\n  query ProductOffer($handle: String!, $country: CountryCode, $language: LanguageCode)\n  @inContext(country: $country, language: $language) {\n    product(handle: $handle) {\n      id\n      handle\n      title\n      vendor\n      availableForSale\n      options {\n        name\n        optionValues {\n          name\n        }\n      }\n      sellingPlanGroups(first: 5) {\n        nodes {\n          name\n          sellingPlans(first: 10) {\n            nodes {\n              id\n              name\n              recurringDeliveries\n              options {\n                name\n                value\n              }\n              priceAdjustments {\n                adjustmentValue {\n                  __typename\n                  ... on SellingPlanPercentagePriceAdjustment {\n                    adjustmentPercentage\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n      variants(first: 100) {\n        nodes {\n          id\n          title\n          sku\n          availableForSale\n          quantityAvailable\n          price {\n            ...Money\n          }\n          compareAtPrice {\n            ...Money\n          }\n          unitPrice {\n            ...Money\n          }\n          unitPriceMeasurement {\n            measuredType\n            referenceUnit\n            referenceValue\n          }\n          selectedOptions {\n            name\n            value\n          }\n          image {\n            url\n            altText\n            width\n            height\n          }\n          sellingPlanAllocations(first: 50) {\n            nodes {\n              sellingPlan {\n                id\n              }\n              priceAdjustments {\n                price {\n                  ...Money\n                }\n                compareAtPrice {\n                  ...Money\n                }\n                perDeliveryPrice {\n                  ...Money\n                }\n                unitPrice {\n                  ...Money\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment Money on MoneyV2 {\n    amount\n    currencyCode\n  }\n\n': {
    return: ProductOfferQuery;
    variables: ProductOfferQueryVariables;
  };
  '#graphql\n  query ShopAnalytics {\n    shop {\n      id\n      paymentSettings {\n        currencyCode\n      }\n    }\n  }\n': {
    return: ShopAnalyticsQuery;
    variables: ShopAnalyticsQueryVariables;
  };
}

interface GeneratedMutationTypes {
  '#graphql\n  mutation CartCreate($input: CartInput!) {\n    cartCreate(input: $input) {\n      \n      cart {\n        ...CartFields\n      }\n      userErrors {\n        field\n        message\n      }\n      warnings {\n        code\n        message\n        target\n      }\n    }\n  }\n  #graphql\n  fragment CartFields on Cart {\n    id\n    checkoutUrl\n    totalQuantity\n    discountCodes {\n      code\n      applicable\n    }\n    discountAllocations {\n      discountedAmount {\n        ...Money\n      }\n    }\n    cost {\n      subtotalAmount {\n        ...Money\n      }\n      totalAmount {\n        ...Money\n      }\n    }\n    lines(first: 100) {\n      nodes {\n        id\n        quantity\n        cost {\n          amountPerQuantity {\n            ...Money\n          }\n          totalAmount {\n            ...Money\n          }\n        }\n        merchandise {\n          ... on ProductVariant {\n            id\n            title\n            quantityAvailable\n            image {\n              url\n              altText\n              width\n              height\n            }\n            product {\n              handle\n              title\n            }\n            # The plans this line can move to (change or remove its subscription from the cart).\n            sellingPlanAllocations(first: 50) {\n              nodes {\n                sellingPlan {\n                  id\n                  name\n                }\n              }\n            }\n          }\n        }\n        sellingPlanAllocation {\n          sellingPlan {\n            id\n            name\n          }\n          priceAdjustments {\n            price {\n              ...Money\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment Money on MoneyV2 {\n    amount\n    currencyCode\n  }\n\n\n': {
    return: CartCreateMutation;
    variables: CartCreateMutationVariables;
  };
  '#graphql\n  mutation CartDiscountCodesUpdate($cartId: ID!, $discountCodes: [String!]!) {\n    cartDiscountCodesUpdate(cartId: $cartId, discountCodes: $discountCodes) {\n      \n      cart {\n        ...CartFields\n      }\n      userErrors {\n        field\n        message\n      }\n      warnings {\n        code\n        message\n        target\n      }\n    }\n  }\n  #graphql\n  fragment CartFields on Cart {\n    id\n    checkoutUrl\n    totalQuantity\n    discountCodes {\n      code\n      applicable\n    }\n    discountAllocations {\n      discountedAmount {\n        ...Money\n      }\n    }\n    cost {\n      subtotalAmount {\n        ...Money\n      }\n      totalAmount {\n        ...Money\n      }\n    }\n    lines(first: 100) {\n      nodes {\n        id\n        quantity\n        cost {\n          amountPerQuantity {\n            ...Money\n          }\n          totalAmount {\n            ...Money\n          }\n        }\n        merchandise {\n          ... on ProductVariant {\n            id\n            title\n            quantityAvailable\n            image {\n              url\n              altText\n              width\n              height\n            }\n            product {\n              handle\n              title\n            }\n            # The plans this line can move to (change or remove its subscription from the cart).\n            sellingPlanAllocations(first: 50) {\n              nodes {\n                sellingPlan {\n                  id\n                  name\n                }\n              }\n            }\n          }\n        }\n        sellingPlanAllocation {\n          sellingPlan {\n            id\n            name\n          }\n          priceAdjustments {\n            price {\n              ...Money\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment Money on MoneyV2 {\n    amount\n    currencyCode\n  }\n\n\n': {
    return: CartDiscountCodesUpdateMutation;
    variables: CartDiscountCodesUpdateMutationVariables;
  };
  '#graphql\n  mutation CartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) {\n    cartLinesAdd(cartId: $cartId, lines: $lines) {\n      \n      cart {\n        ...CartFields\n      }\n      userErrors {\n        field\n        message\n      }\n      warnings {\n        code\n        message\n        target\n      }\n    }\n  }\n  #graphql\n  fragment CartFields on Cart {\n    id\n    checkoutUrl\n    totalQuantity\n    discountCodes {\n      code\n      applicable\n    }\n    discountAllocations {\n      discountedAmount {\n        ...Money\n      }\n    }\n    cost {\n      subtotalAmount {\n        ...Money\n      }\n      totalAmount {\n        ...Money\n      }\n    }\n    lines(first: 100) {\n      nodes {\n        id\n        quantity\n        cost {\n          amountPerQuantity {\n            ...Money\n          }\n          totalAmount {\n            ...Money\n          }\n        }\n        merchandise {\n          ... on ProductVariant {\n            id\n            title\n            quantityAvailable\n            image {\n              url\n              altText\n              width\n              height\n            }\n            product {\n              handle\n              title\n            }\n            # The plans this line can move to (change or remove its subscription from the cart).\n            sellingPlanAllocations(first: 50) {\n              nodes {\n                sellingPlan {\n                  id\n                  name\n                }\n              }\n            }\n          }\n        }\n        sellingPlanAllocation {\n          sellingPlan {\n            id\n            name\n          }\n          priceAdjustments {\n            price {\n              ...Money\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment Money on MoneyV2 {\n    amount\n    currencyCode\n  }\n\n\n': {
    return: CartLinesAddMutation;
    variables: CartLinesAddMutationVariables;
  };
  '#graphql\n  mutation CartLinesRemove($cartId: ID!, $lineIds: [ID!]!) {\n    cartLinesRemove(cartId: $cartId, lineIds: $lineIds) {\n      \n      cart {\n        ...CartFields\n      }\n      userErrors {\n        field\n        message\n      }\n      warnings {\n        code\n        message\n        target\n      }\n    }\n  }\n  #graphql\n  fragment CartFields on Cart {\n    id\n    checkoutUrl\n    totalQuantity\n    discountCodes {\n      code\n      applicable\n    }\n    discountAllocations {\n      discountedAmount {\n        ...Money\n      }\n    }\n    cost {\n      subtotalAmount {\n        ...Money\n      }\n      totalAmount {\n        ...Money\n      }\n    }\n    lines(first: 100) {\n      nodes {\n        id\n        quantity\n        cost {\n          amountPerQuantity {\n            ...Money\n          }\n          totalAmount {\n            ...Money\n          }\n        }\n        merchandise {\n          ... on ProductVariant {\n            id\n            title\n            quantityAvailable\n            image {\n              url\n              altText\n              width\n              height\n            }\n            product {\n              handle\n              title\n            }\n            # The plans this line can move to (change or remove its subscription from the cart).\n            sellingPlanAllocations(first: 50) {\n              nodes {\n                sellingPlan {\n                  id\n                  name\n                }\n              }\n            }\n          }\n        }\n        sellingPlanAllocation {\n          sellingPlan {\n            id\n            name\n          }\n          priceAdjustments {\n            price {\n              ...Money\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment Money on MoneyV2 {\n    amount\n    currencyCode\n  }\n\n\n': {
    return: CartLinesRemoveMutation;
    variables: CartLinesRemoveMutationVariables;
  };
  '#graphql\n  mutation CartLinesUpdate($cartId: ID!, $lines: [CartLineUpdateInput!]!) {\n    cartLinesUpdate(cartId: $cartId, lines: $lines) {\n      \n      cart {\n        ...CartFields\n      }\n      userErrors {\n        field\n        message\n      }\n      warnings {\n        code\n        message\n        target\n      }\n    }\n  }\n  #graphql\n  fragment CartFields on Cart {\n    id\n    checkoutUrl\n    totalQuantity\n    discountCodes {\n      code\n      applicable\n    }\n    discountAllocations {\n      discountedAmount {\n        ...Money\n      }\n    }\n    cost {\n      subtotalAmount {\n        ...Money\n      }\n      totalAmount {\n        ...Money\n      }\n    }\n    lines(first: 100) {\n      nodes {\n        id\n        quantity\n        cost {\n          amountPerQuantity {\n            ...Money\n          }\n          totalAmount {\n            ...Money\n          }\n        }\n        merchandise {\n          ... on ProductVariant {\n            id\n            title\n            quantityAvailable\n            image {\n              url\n              altText\n              width\n              height\n            }\n            product {\n              handle\n              title\n            }\n            # The plans this line can move to (change or remove its subscription from the cart).\n            sellingPlanAllocations(first: 50) {\n              nodes {\n                sellingPlan {\n                  id\n                  name\n                }\n              }\n            }\n          }\n        }\n        sellingPlanAllocation {\n          sellingPlan {\n            id\n            name\n          }\n          priceAdjustments {\n            price {\n              ...Money\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment Money on MoneyV2 {\n    amount\n    currencyCode\n  }\n\n\n': {
    return: CartLinesUpdateMutation;
    variables: CartLinesUpdateMutationVariables;
  };
}

export interface StorefrontQueries extends GeneratedQueryTypes {}
export interface StorefrontMutations extends GeneratedMutationTypes {}
