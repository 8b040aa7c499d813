import { offsetMs } from '@/lib/commerce/calendar';
import { toCents } from '@/lib/commerce/money';
import type { Site, StorePolicies } from '@/lib/content';
import { PUBLISHER_LOGO } from './publisher-logo';
import type {
  DayOfWeek,
  MerchantReturnPolicy,
  OnlineStore,
  ShippingConditions,
  ShippingService,
  WithContext,
} from 'schema-dts';

/** Where the full policy is read; the structured data links to it. */
export const POLICY_PAGE_PATH = '/policies/shipping-returns';

export interface StoreInput {
  site: Site;
  policies: StorePolicies;
  siteUrl: string;
  /** The cut-off is published with the zone's offset on this day (it changes with daylight saving). */
  now?: Date;
}

/** The store as one node every page can point at (an Offer's seller, an article's publisher). */
export const storeId = (siteUrl: string) => `${siteUrl}/#store`;

/** "-05:00": what ISO 8601 times carry, as ServicePeriod.cutoffTime wants it. */
function isoOffset(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

const amount = (decimal: string) => toCents(decimal) / 100;

/**
 * The store-level shipping and return policies Google reads for every product of the store
 * (Organization.hasShippingService and hasMerchantReturnPolicy), so no Offer has to repeat them.
 * Shipping is two conditions, below the free-shipping threshold at the flat rate and from it free,
 * each with the carrier's transit days; handling carries the cut-off and the business days.
 */
export function storeJsonLd({
  site,
  policies,
  siteUrl,
  now = new Date(),
}: StoreInput): WithContext<Exclude<OnlineStore, string>> {
  const { shipping, returns } = policies;
  const currency = site.currency;
  const destination = shipping.countries.map((country) => ({
    '@type': 'DefinedRegion' as const,
    addressCountry: country,
  }));
  const transitTime = {
    '@type': 'ServicePeriod' as const,
    duration: {
      '@type': 'QuantitativeValue' as const,
      minValue: shipping.transitDays.min,
      maxValue: shipping.transitDays.max,
      unitCode: 'DAY',
    },
  };
  const rate = amount(shipping.rate);
  const freeOver = shipping.freeOver === null || rate === 0 ? null : amount(shipping.freeOver);
  const conditions: ShippingConditions[] =
    freeOver === null
      ? [
          {
            '@type': 'ShippingConditions',
            shippingDestination: destination,
            shippingRate: { '@type': 'MonetaryAmount', value: rate, currency },
            transitTime,
          },
        ]
      : [
          {
            '@type': 'ShippingConditions',
            shippingDestination: destination,
            orderValue: {
              '@type': 'MonetaryAmount',
              minValue: 0,
              maxValue: (toCents(shipping.freeOver!) - 1) / 100,
              currency,
            },
            shippingRate: { '@type': 'MonetaryAmount', value: rate, currency },
            transitTime,
          },
          {
            '@type': 'ShippingConditions',
            shippingDestination: destination,
            orderValue: { '@type': 'MonetaryAmount', minValue: freeOver, currency },
            shippingRate: { '@type': 'MonetaryAmount', value: 0, currency },
            transitTime,
          },
        ];
  const shippingService: ShippingService = {
    '@type': 'ShippingService',
    name: 'Standard shipping',
    fulfillmentType: 'https://schema.org/FulfillmentTypeDelivery',
    handlingTime: {
      '@type': 'ServicePeriod',
      cutoffTime: `${shipping.cutoff}:00${isoOffset(offsetMs(now.getTime(), shipping.timeZone))}`,
      businessDays: shipping.businessDays.map((day) => `https://schema.org/${day}` as DayOfWeek),
      duration: {
        '@type': 'QuantitativeValue',
        minValue: shipping.handlingDays.min,
        maxValue: shipping.handlingDays.max,
        unitCode: 'DAY',
      },
    },
    shippingConditions: conditions,
  };
  const returnPolicy: MerchantReturnPolicy = {
    '@type': 'MerchantReturnPolicy',
    applicableCountry: shipping.countries,
    returnPolicyCountry: returns.returnTo,
    returnPolicyCategory: 'https://schema.org/MerchantReturnFiniteReturnWindow',
    merchantReturnDays: returns.days,
    returnMethod: 'https://schema.org/ReturnByMail',
    returnFees:
      returns.returnShipping === 'free'
        ? 'https://schema.org/FreeReturn'
        : 'https://schema.org/ReturnFeesCustomerResponsibility',
    refundType: 'https://schema.org/FullRefund',
    merchantReturnLink: `${siteUrl}${POLICY_PAGE_PATH}#returns`,
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'OnlineStore',
    '@id': storeId(siteUrl),
    name: site.storeName,
    url: `${siteUrl}/`,
    logo: `${siteUrl}${PUBLISHER_LOGO.path}`,
    hasShippingService: shippingService,
    hasMerchantReturnPolicy: returnPolicy,
  };
}
