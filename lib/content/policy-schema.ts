import { z } from 'zod';
import { WEEKDAYS } from './policy-types';
import { isoDate, price, text, wholeNumber } from './schemas';

/** "America/New_York": a name the browser and the server both know, never an abbreviation like EST. */
function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const regions = new Intl.DisplayNames('en', { type: 'region' });

/** Region codes Intl names that are not countries a parcel can go to (UK is GB in ISO 3166-1). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'QO', 'UK', 'UN', 'ZZ']);

/** Intl names every assigned region and echoes an unknown code back unchanged. */
const isCountry = (code: string) =>
  /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regions.of(code) !== code;

const MAX_DAYS = 30;

/**
 * "1-2" or "2": business days, as a marketer writes them. YAML reads `1-2` as text and `2` as a
 * number; both are turned into a range here.
 */
const dayRange = z
  .union([z.number(), z.string()], {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be business days like 2, or a range like 1-2',
  })
  .transform((value, context) => {
    const match = /^\s*(\d{1,2})\s*(?:[-–]\s*(\d{1,2}))?\s*$/.exec(String(value));
    const min = Number(match?.[1]);
    const max = Number(match?.[2] ?? match?.[1]);
    if (!match) {
      context.addIssue({
        code: 'custom',
        message: 'must be business days like 2, or a range like 1-2',
      });
    } else if (max < min) {
      context.addIssue({
        code: 'custom',
        message: `${min}-${max} runs backwards; write the smaller number first, like ${max}-${min}`,
      });
    } else if (max > MAX_DAYS) {
      context.addIssue({
        code: 'custom',
        message: `must be at most ${MAX_DAYS} business days`,
      });
    } else {
      return { min, max };
    }
    return z.NEVER;
  });

/** Zero is allowed here (free shipping on every order), unlike a product price. */
const shippingRate = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be a number like 4.95, without a currency sign (0 for free shipping)',
  })
  .min(0, { error: 'cannot be negative' })
  .refine((value) => Math.round(value * 100) === Number((value * 100).toFixed(6)), {
    error: 'must have at most two decimals',
  });

const weekday = z.enum(WEEKDAYS, {
  error: (issue) =>
    issue.input === undefined
      ? 'is required'
      : `"${String(issue.input)}" is not a day of the week; write ${WEEKDAYS.join(', ')}`,
});

const country = text('a country code').refine(isCountry, {
  error: 'must be a two-letter country code (ISO 3166-1) in capitals, like US, CA or GB',
});

export const shippingSchema = z.strictObject({
  countries: z
    .array(country, { error: 'must be a list of country codes, like [US]' })
    .min(1, { error: 'needs at least one country' }),
  rate: shippingRate,
  freeOver: price.optional(),
  handlingDays: dayRange,
  transitDays: dayRange,
  cutoff: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : 'must be a time in quotes written HH:MM on a 24-hour clock, like "14:00"',
    })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
      error: 'must be a time written HH:MM on a 24-hour clock, like "14:00" for 2 pm',
    }),
  timeZone: text('a time zone').refine(isTimeZone, {
    error: 'must be a time zone name like America/New_York or America/Los_Angeles',
  }),
  businessDays: z
    .array(weekday, { error: 'must be a list of days, like [Monday, Tuesday]' })
    .min(1, { error: 'needs at least one day' }),
  holidays: z
    .array(isoDate, { error: 'must be a list of dates, each on its own line starting with "- "' })
    .optional()
    .default([]),
});

export const returnsSchema = z.strictObject({
  days: wholeNumber('of days ', 1, 365),
  returnShipping: z.enum(['free', 'customer'], {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be free (the store pays for the return label) or customer (the shopper pays)',
  }),
  openedBottles: z.boolean({ error: 'must be true or false' }),
  returnTo: country,
  howTo: text().optional(),
});

export const subscriptionTermsSchema = z.strictObject({
  charged: text(),
  renewal: text(),
  cancel: text(),
});

export const policiesSchema = z.strictObject({
  shipping: shippingSchema,
  returns: returnsSchema,
  subscriptions: subscriptionTermsSchema,
});

export type PoliciesFile = z.infer<typeof policiesSchema>;
