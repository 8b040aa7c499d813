import {
  WEEKDAYS,
  type ReturnPolicy,
  type ShippingPolicy,
  type SubscriptionTerms,
  type Weekday,
} from '@/lib/content/policy-types';
import { dayAsDate } from './calendar';
import { toCents } from './money';
import { quoteShipping } from './shipping';

/**
 * The policies in plain sentences, the same at the buy box, in the cart and on the policy page.
 * Amounts come in as decimal strings and go out through `money`, which the caller formats (the
 * server formats its prices; see components/cart/format-money.ts).
 */
export type FormatAmount = (decimal: string) => string;

/** "Free shipping on orders of $35.00 or more", "Free shipping on every order", "Shipping $4.95". */
export function shippingOffer(policy: ShippingPolicy, money: FormatAmount): string {
  if (Number(policy.rate) === 0) return 'Free shipping on every order';
  if (policy.freeOver === null) return `Shipping ${money(policy.rate)} per order`;
  return `Free shipping on orders of ${money(policy.freeOver)} or more`;
}

/** The cost in full: "Orders of $35.00 or more ship free; below that, shipping is $4.95." */
export function shippingCostSentence(policy: ShippingPolicy, money: FormatAmount): string {
  if (Number(policy.rate) === 0) return 'Shipping is free on every order.';
  if (policy.freeOver === null) return `Shipping is ${money(policy.rate)} per order.`;
  return `Orders of ${money(policy.freeOver)} or more ship free; below that, shipping is ${money(policy.rate)}.`;
}

/** "Monday to Friday" for a run of days in week order, otherwise "Monday, Wednesday and Friday". */
export function businessDaysLabel(days: readonly Weekday[]): string {
  const ordered = WEEKDAYS.filter((day) => days.includes(day));
  const first = WEEKDAYS.indexOf(ordered[0]!);
  const consecutive = ordered.every((day, index) => WEEKDAYS.indexOf(day) === first + index);
  if (ordered.length >= 3 && consecutive) return `${ordered[0]} to ${ordered.at(-1)}`;
  if (ordered.length === 1) return ordered[0]!;
  return `${ordered.slice(0, -1).join(', ')} and ${ordered.at(-1)}`;
}

/** "2:00 PM": a cut-off as a clock shows it. */
export function clockTimeLabel(time: string, locale = 'en-US'): string {
  const [hours, minutes] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, hours, minutes)));
}

/** "Eastern Time" for America/New_York: the zone's generic name, which holds in summer and winter. */
export function timeZoneLabel(timeZone: string, locale = 'en-US'): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date(0))
    .find((entry) => entry.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "Friday, December 25, 2026". */
export function longDateLabel(date: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(dayAsDate(date));
}

/** "United States", "Canada and United States": the countries shipped to, by name. */
export function countriesLabel(countries: readonly string[], locale = 'en-US'): string {
  const names = new Intl.DisplayNames(locale, { type: 'region' });
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    countries.map((code) => names.of(code) ?? code),
  );
}

/** "30-day returns, opened bottles too; return shipping is free": the promise at the buy box. */
export function returnPromise(returns: ReturnPolicy): string {
  const bottles = returns.openedBottles ? 'opened bottles too' : 'unopened bottles';
  const shipping =
    returns.returnShipping === 'free'
      ? 'return shipping is free'
      : 'return shipping is paid by you';
  return `${returns.days}-day returns, ${bottles}; ${shipping}`;
}

/** The return policy in full sentences, for the policy page. */
export function returnSentences(returns: ReturnPolicy): string[] {
  return [
    returns.openedBottles
      ? `You can return any bottle within ${returns.days} days of delivery for a full refund, even if you have opened it.`
      : `You can return an unopened bottle within ${returns.days} days of delivery for a full refund.`,
    returns.returnShipping === 'free'
      ? 'Return shipping is free: we pay for the label.'
      : 'You pay the cost of sending it back.',
  ];
}

/** "Free shipping on orders of $35.00 or more; $4.95 below that": the buy box before the cart loads. */
export function shippingSummary(policy: ShippingPolicy, money: FormatAmount): string {
  const offer = shippingOffer(policy, money);
  return Number(policy.rate) > 0 && policy.freeOver !== null
    ? `${offer}; ${money(policy.rate)} below that`
    : offer;
}

/**
 * The terms beside the subscribe choice, as US auto-renewal laws ask: what is charged and how often,
 * shipping included, when the next charge is, that it renews until cancelled, and how to cancel.
 * The price and the interval are the plan's; the rest is the marketer's words from policies.yaml.
 */
export function subscriptionTermsSentences({
  perDelivery,
  intervalDays,
  shipping,
  terms,
  money,
}: {
  /** The plan's price for one delivery, a decimal string. */
  perDelivery: string;
  intervalDays: number;
  shipping: ShippingPolicy;
  terms: SubscriptionTerms;
  money: FormatAmount;
}): string[] {
  const quote = quoteShipping(shipping, toCents(perDelivery));
  const every = intervalDays === 1 ? 'every day' : `every ${intervalDays} days`;
  const shipped =
    quote.costCents === 0
      ? 'with free shipping'
      : quote.freeOverCents !== null
        ? `plus ${money(shipping.rate)} shipping (free on orders of ${money(shipping.freeOver!)} or more)`
        : `plus ${money(shipping.rate)} shipping`;
  return [
    `${money(perDelivery)} per delivery, delivered ${every}, ${shipped}.`,
    terms.charged,
    `The next charge is ${intervalDays === 1 ? 'the day' : `${intervalDays} days`} after this order, when the next delivery ships.`,
    terms.renewal,
    terms.cancel,
  ];
}
