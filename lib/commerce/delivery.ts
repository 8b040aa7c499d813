import type { DayRange, DeliveryCalendar } from '@/lib/content/policy-types';
import { addDays, instantAt, localDate, weekdayOf } from './calendar';

/** When an order placed now is received, leaves and arrives, by the store's calendar. */
export interface DeliveryEstimate {
  /** The cut-off this estimate holds until: an order after it counts from the next business day. */
  orderBy: Date;
  /** The business day the order counts as received, YYYY-MM-DD in the store's time zone. */
  receivedOn: string;
  ships: { earliest: string; latest: string };
  arrives: { earliest: string; latest: string };
}

/** More than a year of days off in a row is a calendar that cannot be right; never loop on it. */
const MAX_DAYS_SEARCHED = 400;

function isBusinessDay(calendar: DeliveryCalendar, date: string): boolean {
  return calendar.businessDays.includes(weekdayOf(date)) && !calendar.holidays.includes(date);
}

function nextBusinessDay(calendar: DeliveryCalendar, date: string): string {
  let day = date;
  for (let step = 0; step < MAX_DAYS_SEARCHED; step++) {
    day = addDays(day, 1);
    if (isBusinessDay(calendar, day)) return day;
  }
  throw new Error(`No business day in the ${MAX_DAYS_SEARCHED} days after ${date}`);
}

/** `days` business days after a business day (0: that day). */
function addBusinessDays(calendar: DeliveryCalendar, date: string, days: number): string {
  let day = date;
  for (let count = 0; count < days; count++) day = nextBusinessDay(calendar, day);
  return day;
}

/**
 * The estimate for an order placed at `now`. An order before the cut-off on a business day counts
 * as received that day, any other the next business day (as Google's `cutoffTime` means it); it
 * leaves `handlingDays` business days later and arrives `transitDays` business days after that.
 */
export function estimateDelivery(calendar: DeliveryCalendar, now: Date): DeliveryEstimate {
  const today = localDate(now, calendar.timeZone);
  const todayCutoff = instantAt(today, calendar.cutoff, calendar.timeZone);
  const receivedOn =
    isBusinessDay(calendar, today) && now.getTime() < todayCutoff.getTime()
      ? today
      : nextBusinessDay(calendar, today);
  const ships = span(calendar, receivedOn, calendar.handlingDays);
  return {
    orderBy:
      receivedOn === today
        ? todayCutoff
        : instantAt(receivedOn, calendar.cutoff, calendar.timeZone),
    receivedOn,
    ships,
    arrives: {
      earliest: addBusinessDays(calendar, ships.earliest, calendar.transitDays.min),
      latest: addBusinessDays(calendar, ships.latest, calendar.transitDays.max),
    },
  };
}

function span(calendar: DeliveryCalendar, from: string, days: DayRange) {
  return {
    earliest: addBusinessDays(calendar, from, days.min),
    latest: addBusinessDays(calendar, from, days.max),
  };
}

/** Business days from order to arrival, whatever the day: what is true without knowing "now". */
export function businessDaysToArrival(calendar: DeliveryCalendar): DayRange {
  return {
    min: calendar.handlingDays.min + calendar.transitDays.min,
    max: calendar.handlingDays.max + calendar.transitDays.max,
  };
}
