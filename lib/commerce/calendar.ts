import type { Weekday } from '@/lib/content/policy-types';

/**
 * Calendar days as "YYYY-MM-DD" and wall-clock times in a named time zone, with Intl only: the same
 * arithmetic runs on the server and in the browser. A calendar day has no time zone, so its
 * arithmetic is done on UTC midnights, where no day is ever 23 or 25 hours long.
 */

const DAY_MS = 86_400_000;

const WEEKDAY_OF_UTC_DAY: Weekday[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAY_OF_UTC_DAY[new Date(utcMidnight(date)).getUTCDay()]!;
}

/** A calendar day as a Date at UTC midnight, for Intl formatting with `timeZone: 'UTC'`. */
export function dayAsDate(date: string): Date {
  return new Date(utcMidnight(date));
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock in `timeZone` shows at `instant`, read as if it were UTC (milliseconds, whole seconds). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of wallClock(timeZone).formatToParts(new Date(instant)))
    parts[part.type] = part.value;
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant` (negative west of Greenwich). */
export function offsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

/** The calendar day it is in `timeZone` at `instant`. */
export function localDate(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant a clock in `timeZone` shows `time` ("14:00") on `date`. The offset is looked up twice,
 * the second time at the first answer, so a day on which the clocks change gets that day's offset.
 * A time the clocks skip that day (inside a spring-forward gap) comes out an hour off, which no
 * cut-off set in business hours meets.
 */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const wall = utcMidnight(date) + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  const first = wall - offsetMs(wall, timeZone);
  return new Date(wall - offsetMs(first, timeZone));
}
