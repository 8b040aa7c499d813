import type { DayRange, DeliveryCalendar } from '@/lib/content/policy-types';
import { dayAsDate } from './calendar';
import { businessDaysToArrival, estimateDelivery, type DeliveryEstimate } from './delivery';

/** What the buy box says about delivery: the dates, and until when they hold. */
export interface DeliveryPromise {
  /** "Arrives Dec 8 – 10". */
  arrives: string;
  /** "if you order within 3 h 20 min", or "if you order by Monday 2:00 PM EST" when a day or more away. */
  condition: string;
  estimate: DeliveryEstimate;
}

const days = (range: DayRange) =>
  range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
const businessDays = (range: DayRange) =>
  `${days(range)} business ${range.max === 1 ? 'day' : 'days'}`;

/**
 * "Ships in 1–2 business days, arrives in 3–6 business days": true whenever it is read, so it is what
 * a page rendered ahead of time (and read without JavaScript) says.
 */
export function deliveryFallback(calendar: DeliveryCalendar): string {
  const { ships, arrives } = deliveryFallbackLines(calendar);
  return `${ships}, ${arrives.charAt(0).toLowerCase()}${arrives.slice(1)}`;
}

/** The same as two lines, in the buy box's order: "Arrives in 3–6 business days" / "Ships in 1–2…". */
export function deliveryFallbackLines(calendar: DeliveryCalendar): {
  arrives: string;
  ships: string;
} {
  const { handlingDays } = calendar;
  return {
    arrives: `Arrives in ${businessDays(businessDaysToArrival(calendar))}`,
    ships:
      handlingDays.max === 0
        ? 'Ships the same business day'
        : `Ships in ${businessDays(handlingDays)}`,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

/** "Dec 8 – 10", "Dec 30, 2026 – Jan 4, 2027", or "Dec 8" when both ends are the same day. */
export function dayRangeLabel(earliest: string, latest: string, locale = 'en-US'): string {
  const format = formatter(`${locale} day`, () => {
    return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  });
  return earliest === latest
    ? format.format(dayAsDate(earliest))
    : format.formatRange(dayAsDate(earliest), dayAsDate(latest));
}

/** "3 h 20 min", "45 min"; minutes are rounded up, so the last minute still reads "1 min". */
export function timeLeftLabel(milliseconds: number): string {
  const minutes = Math.max(1, Math.ceil(milliseconds / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "Monday 2:00 PM EST": the cut-off in the store's own time zone, named. */
export function cutoffLabel(instant: Date, timeZone: string, locale = 'en-US'): string {
  return formatter(`${locale} ${timeZone} cutoff`, () => {
    return new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
  }).format(instant);
}

/** Under a day to go, a countdown; further away, the day and time of the cut-off. */
const COUNTDOWN_MS = 24 * 60 * 60 * 1000;

export function deliveryPromise(
  calendar: DeliveryCalendar,
  now: Date,
  locale = 'en-US',
): DeliveryPromise {
  const estimate = estimateDelivery(calendar, now);
  const left = estimate.orderBy.getTime() - now.getTime();
  return {
    arrives: `Arrives ${dayRangeLabel(estimate.arrives.earliest, estimate.arrives.latest, locale)}`,
    condition:
      left < COUNTDOWN_MS
        ? `if you order within ${timeLeftLabel(left)}`
        : `if you order by ${cutoffLabel(estimate.orderBy, calendar.timeZone, locale)}`,
    estimate,
  };
}
