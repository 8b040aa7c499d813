import { z } from 'zod';

/**
 * A schema check of the store-level policy types, written from Google's merchant return policy and
 * shipping policy documentation and schema.org: every property is one these types have, every
 * enumeration value is one schema.org defines, the required ones are there. strictObject: a
 * misspelt property ("merchantReturnDay") fails instead of being ignored the way search engines
 * would ignore it. structured-data-testing-tool checks only that named paths exist; this checks
 * the shapes.
 */

const schemaOrg = (...names: string[]) =>
  z.enum(names.map((name) => `https://schema.org/${name}`) as [string, ...string[]]);

const country = z.string().regex(/^[A-Z]{2}$/);
const currency = z.string().regex(/^[A-Z]{3}$/);
const wholeDays = z.number().int().min(0);

const quantitativeDays = z
  .strictObject({
    '@type': z.literal('QuantitativeValue'),
    minValue: wholeDays,
    maxValue: wholeDays,
    unitCode: z.enum(['DAY', 'd']),
  })
  .refine((value) => value.minValue <= value.maxValue, 'minValue is above maxValue');

const servicePeriod = z.strictObject({
  '@type': z.literal('ServicePeriod'),
  duration: quantitativeDays,
  cutoffTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d([+-]\d{2}:\d{2}|Z)$/)
    .optional(),
  businessDays: z
    .array(schemaOrg('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'))
    .min(1)
    .optional(),
});

const monetaryAmount = z
  .strictObject({
    '@type': z.literal('MonetaryAmount'),
    value: z.number().min(0).optional(),
    minValue: z.number().min(0).optional(),
    maxValue: z.number().min(0).optional(),
    currency,
  })
  .refine(
    (amount) => amount.value !== undefined || amount.minValue !== undefined,
    'needs value or minValue',
  );

const shippingConditions = z.strictObject({
  '@type': z.literal('ShippingConditions'),
  shippingDestination: z
    .array(z.strictObject({ '@type': z.literal('DefinedRegion'), addressCountry: country }))
    .min(1),
  orderValue: monetaryAmount.optional(),
  shippingRate: monetaryAmount,
  transitTime: servicePeriod,
  doesNotShip: z.boolean().optional(),
});

const shippingService = z.strictObject({
  '@type': z.literal('ShippingService'),
  name: z.string().min(1).optional(),
  fulfillmentType: schemaOrg('FulfillmentTypeDelivery', 'FulfillmentTypeCollectionPoint'),
  handlingTime: servicePeriod,
  shippingConditions: z.array(shippingConditions).min(1),
});

const returnPolicy = z
  .strictObject({
    '@type': z.literal('MerchantReturnPolicy'),
    applicableCountry: z.array(country).min(1),
    returnPolicyCountry: country,
    returnPolicyCategory: schemaOrg(
      'MerchantReturnFiniteReturnWindow',
      'MerchantReturnNotPermitted',
      'MerchantReturnUnlimitedWindow',
    ),
    merchantReturnDays: z.number().int().positive().optional(),
    returnMethod: schemaOrg('ReturnByMail', 'ReturnInStore', 'ReturnAtKiosk'),
    returnFees: schemaOrg('FreeReturn', 'ReturnFeesCustomerResponsibility', 'ReturnShippingFees'),
    refundType: schemaOrg('FullRefund', 'ExchangeRefund', 'StoreCreditRefund').optional(),
    merchantReturnLink: z.url().optional(),
  })
  .refine(
    (policy) =>
      policy.returnPolicyCategory !== 'https://schema.org/MerchantReturnFiniteReturnWindow' ||
      policy.merchantReturnDays !== undefined,
    'a finite return window needs merchantReturnDays',
  );

export const onlineStoreSchema = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.enum(['OnlineStore', 'Organization']),
  '@id': z.url(),
  name: z.string().min(1),
  url: z.url(),
  logo: z.url(),
  hasShippingService: shippingService,
  hasMerchantReturnPolicy: returnPolicy,
});

/** The compare-at price on an Offer, the way Google's merchant listing documentation writes it. */
export const strikethroughPriceSchema = z.strictObject({
  '@type': z.literal('UnitPriceSpecification'),
  priceType: z.literal('https://schema.org/StrikethroughPrice'),
  // A decimal as the Storefront API writes it: "38.0", or "38.00".
  price: z.string().regex(/^\d+(\.\d+)?$/),
  priceCurrency: currency,
});

/** "hasShippingService.shippingConditions[0].shippingRate: …" for each problem; empty when it passes. */
export function schemaProblems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) =>
      `${issue.path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '')}: ${issue.message}`,
  );
}
