import { z } from 'zod';
import { isRealDate, latestDateToday } from './calendar-dates';
import { countryCodeProblem } from './countries';
import { isValidGtin } from './gtin';

/** Messages a marketer understands: "is required" rather than "expected string, received undefined". */
export function text(what = 'text') {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`) })
    .trim()
    .min(1, { error: 'must not be empty' });
}

const key = text('a citation key').regex(/^[a-z0-9][a-z0-9-]*$/, {
  error: 'must be lowercase letters, digits and dashes, e.g. ods-vitamin-d',
});

export const SECTION_IDS = ['benefits', 'mechanism', 'who-benefits', 'safety'] as const;

const sectionId = z.enum(SECTION_IDS, {
  error: (issue) =>
    issue.input === undefined
      ? 'is required'
      : `"${String(issue.input)}" is not a known section; use one of: ${SECTION_IDS.join(', ')}`,
});

const webAddress = text('a web address').refine(
  (value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value),
  {
    error: 'must be a full web address starting with https:// and without spaces',
  },
);

export const isoDate = text('a date').refine(isRealDate, {
  error: 'must be a real date written YYYY-MM-DD, e.g. 2025-06-27',
});

/** Prices are written like 19.99; more than two decimals is almost always a typo. */
export const price = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be a number like 19.99, without a currency sign',
  })
  .positive({ error: 'must be more than 0' })
  .refine((value) => Math.round(value * 100) === Number((value * 100).toFixed(6)), {
    error: 'must have at most two decimals',
  });

const count = (what: string) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined ? 'is required' : `must be a whole number of ${what}`,
    })
    .int({ error: `must be a whole number of ${what}` });

export const citationSchema = z.strictObject({
  key,
  title: text(),
  source: text(),
  accessed: isoDate,
  url: webAddress,
});

/** Lets a refinement run after a field failed, as long as there is a block to read (not `article: hello`). */
const isBlock = (payload: { value: unknown }) =>
  typeof payload.value === 'object' && payload.value !== null;

const blockOf = (fields: string) => ({
  error: (issue: { code?: string }) =>
    issue.code === 'invalid_type' ? `must be a block of fields: ${fields}` : undefined,
});

/** A country as the edge's country header names it, e.g. DE (see countryCodeProblem). */
const countryCode = text('a country code').superRefine((code, context) => {
  const problem = countryCodeProblem(code);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const allowed = (what: string) =>
  z.boolean({
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : `must be true or false: whether ${what} is measured`,
  });

/**
 * Where shoppers must choose before anything is measured, and what is measured elsewhere until they
 * change it from the footer. "Elsewhere" is a real default, not a banner that never shows: a gate that
 * never opens where no banner is required would measure nothing at all there.
 */
const consentSchema = z.strictObject(
  {
    bannerCountries: z
      .array(countryCode, { error: 'must be a list of country codes, e.g. [DE, FR]' })
      .superRefine((codes, context) =>
        codes.forEach((code, index) => {
          const first = codes.indexOf(code);
          if (first !== index)
            context.addIssue({
              code: 'custom',
              path: [index],
              message: `${code} is listed twice (first as entry ${first + 1})`,
            });
        }),
      ),
    unknownCountry: z.enum(['banner', 'elsewhere'], {
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : 'must be banner (ask first) or elsewhere (the default for other countries)',
    }),
    elsewhere: z.strictObject(
      { analytics: allowed('analytics'), marketing: allowed('marketing') },
      blockOf('analytics, marketing'),
    ),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be a block of fields: bannerCountries, unknownCountry, elsewhere',
  },
);

export const siteSchema = z.strictObject({
  storeName: text(),
  tagline: text(),
  language: text('a language code').regex(/^[a-z]{2}(-[A-Z]{2})?$/, {
    error: 'must be a language code like en or en-US',
  }),
  currency: text('a currency code').regex(/^[A-Z]{3}$/, {
    error: 'must be a three-letter currency code like USD',
  }),
  consent: consentSchema,
});

const highlightSchema = z
  .strictObject({
    title: text(),
    text: text().optional(),
    list: z
      .array(text(), { error: 'must be a list of lines starting with "- "' })
      .min(1)
      .optional(),
  })
  .refine((value) => value.text !== undefined || value.list !== undefined, {
    error: 'needs "text:" or "list:"',
  });

const variantSchema = z.strictObject({
  size: count('softgels').positive({ error: 'must be more than 0' }),
  title: text().optional(),
  sku: text('a SKU').regex(/^[A-Z0-9][A-Z0-9-]*$/, {
    error: 'must be capital letters, digits and dashes, e.g. D3K2-60',
  }),
  price,
  compareAtPrice: price.nullable().optional(),
  stock: count('units').min(0, { error: 'cannot be negative' }),
  image: text('a file name').optional(),
  /** Only a number printed on the product: search engines match offers by it, so none is made up. */
  gtin: text('the barcode number in quotes, e.g. "00812345000019"')
    .refine(isValidGtin, {
      error:
        'must be the 8, 12, 13 or 14 digits under the barcode, with its check digit; one of them is off',
    })
    .optional(),
  mpn: text("the manufacturer's part number").optional(),
});

/** A whole number in a range, said the way a marketer reads it: "must be a whole number of days from 1 to 365". */
export const wholeNumber = (what: string, min: number, max: number) => {
  const error = `must be a whole number ${what}from ${min} to ${max}`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : error) })
    .int({ error })
    .min(min, { error })
    .max(max, { error });
};

/**
 * Subscribe & save: a delivery every `intervalDays`, `percentOff` off the price of every size. The
 * interval is the plan's identity (carts hold it), so a product offers each interval once
 * (load-subscriptions.ts checks). Shopify stores have their own plans; this is what the local store
 * sells.
 */
const subscriptionSchema = z.strictObject({
  intervalDays: wholeNumber('of days ', 1, 365),
  percentOff: wholeNumber('', 1, 90),
  name: text().optional(),
});

/** A code shoppers type in the cart, e.g. WELCOME10; `minimumSubtotal` in the store currency, like 50.00. */
export const discountSchema = z.strictObject({
  code: text('a code').regex(/^[A-Z0-9][A-Z0-9_-]*$/, {
    error: 'must be capital letters, digits, dashes and underscores, e.g. WELCOME10',
  }),
  percentage: wholeNumber('', 1, 100),
  minimumSubtotal: price.optional(),
});

const supplementFactsSchema = z.strictObject({
  servingSize: text(),
  rows: z
    .array(
      z.strictObject({
        nutrient: text(),
        amount: text(),
        dailyValue: text().nullable(),
      }),
    )
    .min(1, { error: 'needs at least one nutrient' }),
  otherIngredients: text(),
});

/**
 * A day something happened: a real date, not after today (see latestDateToday for "today"). zod runs
 * every check even after one fails, so a date that is not real is left to isoDate's message.
 */
const pastDate = isoDate.refine((value) => !isRealDate(value) || value <= latestDateToday(), {
  error: (issue) => `${String(issue.input)} is in the future; write the day it happened`,
});

/**
 * Who wrote and who medically reviewed the product's health text, and when (for health content, readers
 * and search engines weigh exactly this). Every part is optional and shown only when given: nothing is
 * filled in. A reviewer is named with the credentials that qualify them and the day of the review.
 */
const articleSchema = z
  .strictObject(
    {
      author: z
        .strictObject(
          { name: text(), url: webAddress.optional() },
          blockOf('name, and optionally url'),
        )
        .optional(),
      reviewedBy: z
        .strictObject(
          {
            name: text(),
            credentials: text('credentials, e.g. MD or RD'),
            url: webAddress.optional(),
          },
          blockOf('name, credentials, and optionally url'),
        )
        .optional(),
      datePublished: pastDate.optional(),
      lastReviewed: pastDate.optional(),
    },
    blockOf('author, reviewedBy, datePublished, lastReviewed'),
  )
  // These two also run when a field above failed its own check (zod skips refinements after a broken
  // field by default), so one run reports every problem; they read only values that passed.
  .refine((article) => !article.reviewedBy || article.lastReviewed !== undefined, {
    path: ['reviewedBy'],
    error: 'needs lastReviewed: the day of the review, written YYYY-MM-DD',
    when: isBlock,
  })
  .refine(
    ({ datePublished, lastReviewed }) =>
      !(
        typeof datePublished === 'string' &&
        typeof lastReviewed === 'string' &&
        isRealDate(datePublished) &&
        isRealDate(lastReviewed) &&
        lastReviewed < datePublished
      ),
    {
      path: ['lastReviewed'],
      error: (issue) => {
        const { datePublished, lastReviewed } = issue.input as {
          datePublished: string;
          lastReviewed: string;
        };
        return `${lastReviewed} is before datePublished (${datePublished}); a review comes after publication`;
      },
      when: isBlock,
    },
  );

/** The buy box's safety note is a line or two beside the price; details go in sections/safety.md. */
const SAFETY_NOTE_MAX_LENGTH = 160;

const safetyNote = text().max(SAFETY_NOTE_MAX_LENGTH, {
  error: `must be at most ${SAFETY_NOTE_MAX_LENGTH} characters: one or two short sentences; the details go in sections/safety.md`,
});

export const productSchema = z.strictObject({
  handle: text('a handle').regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: 'must be lowercase letters, digits and dashes',
  }),
  name: text(),
  brand: text(),
  flagship: z.boolean({ error: 'must be true or false' }).optional().default(false),
  description: text(),
  image: z.strictObject({ file: text('a file name'), alt: text() }),
  highlights: z.array(highlightSchema).min(1, { error: 'needs at least one highlight' }),
  takeaway: text(),
  sections: z.array(sectionId).min(1, { error: 'needs at least one section' }),
  worksCited: z
    .union([z.literal('all'), z.array(key)], { error: 'must be "all" or a list of citation keys' })
    .optional()
    .default([]),
  variants: z.array(variantSchema).min(1, { error: 'needs at least one variant' }),
  supplementFacts: supplementFactsSchema.optional(),
  subscriptions: z
    .array(subscriptionSchema, {
      error: 'must be a list of plans, each starting with "- intervalDays:"',
    })
    .optional()
    .default([]),
  safetyNote: safetyNote.optional(),
  article: articleSchema.optional(),
});

export const sectionFrontMatterSchema = z.strictObject({
  id: sectionId,
  title: text(),
});

export const disclaimerFrontMatterSchema = z.strictObject({
  title: text(),
});

export type ProductFile = z.infer<typeof productSchema>;
