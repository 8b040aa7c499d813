/**
 * The store's shipping, returns and subscription terms, from content/policies.yaml. Plain data with
 * no imports, so the browser can compute delivery dates from it as well as the server.
 */

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** Whole business days, `min` to `max` (the same number when the policy gives one). */
export interface DayRange {
  min: number;
  max: number;
}

/** When orders leave and arrive: the part of the shipping policy the delivery estimate needs. */
export interface DeliveryCalendar {
  /** IANA name of the warehouse's time zone, e.g. "America/New_York". */
  timeZone: string;
  /** "14:00": an order placed before this time on a business day counts as received that day. */
  cutoff: string;
  /** Days the warehouse works and the carrier delivers. */
  businessDays: Weekday[];
  /** Days nobody ships or delivers, YYYY-MM-DD, sorted. */
  holidays: string[];
  /** From the day the order counts as received to the parcel leaving; 0 is the same day. */
  handlingDays: DayRange;
  /** The carrier's business days from the parcel leaving to its arrival. */
  transitDays: DayRange;
}

export interface ShippingPolicy extends DeliveryCalendar {
  /** Two-letter country codes (ISO 3166-1) the store ships to. */
  countries: string[];
  /** Decimal string in the store currency, e.g. "4.95": shipping below the free-shipping threshold. */
  rate: string;
  /** Decimal string: an order of at least this ships free; null when shipping is never free. */
  freeOver: string | null;
}

export interface ReturnPolicy {
  /** Days from delivery in which a bottle can be sent back for a refund. */
  days: number;
  /** Who pays to send it back: the store ("free") or the shopper ("customer"). */
  returnShipping: 'free' | 'customer';
  /** Whether opened bottles are taken back too. */
  openedBottles: boolean;
  /** Two-letter code of the country returns are sent to. */
  returnTo: string;
  /** How to start a return, in the marketer's words; null when not given. */
  howTo: string | null;
}

/** The words shown beside "Subscribe & save" and on a subscription in the cart, with the plan's price. */
export interface SubscriptionTerms {
  /** When the shopper is charged, e.g. "You are charged when you order and when each delivery ships." */
  charged: string;
  /** That it renews until cancelled. */
  renewal: string;
  /** How to cancel. */
  cancel: string;
}

export interface StorePolicies {
  shipping: ShippingPolicy;
  returns: ReturnPolicy;
  subscriptions: SubscriptionTerms;
}
