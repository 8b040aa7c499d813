import { z } from 'zod';
import { PAGE_TYPES } from './page';

/** A report is one metric of a few short fields; nothing legitimate comes near this. */
export const MAX_VITALS_BODY_BYTES = 1_000;

/** The largest value each metric can plausibly have: milliseconds, or the layout-shift score for CLS. */
const CEILING = { LCP: 120_000, INP: 60_000, CLS: 100, TTFB: 120_000, FCP: 120_000 } as const;

/** One field measurement from a shopper's browser (lib/analytics/vitals.ts sends it). */
export const vitalsReportSchema = z
  .strictObject({
    name: z.enum(['LCP', 'INP', 'CLS', 'TTFB', 'FCP']),
    value: z.number().finite().nonnegative(),
    rating: z.enum(['good', 'needs-improvement', 'poor']),
    id: z.string().regex(/^[\w.-]{1,80}$/),
    navigationType: z.enum([
      'navigate',
      'reload',
      'back-forward',
      'back-forward-cache',
      'prerender',
      'restore',
      'soft-navigation',
    ]),
    pageType: z.enum(PAGE_TYPES),
    path: z.string().regex(/^\/[\w\-./%~]{0,199}$/),
  })
  .refine((report) => report.value <= CEILING[report.name], {
    path: ['value'],
    error: 'is larger than this metric can be',
  });

export type VitalsReport = z.infer<typeof vitalsReportSchema>;

/** The report, or a sentence saying what is wrong with it (for the 400 answer). */
export function parseVitalsReport(
  body: string,
): { ok: true; report: VitalsReport } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: 'The body is not JSON.' };
  }
  const parsed = vitalsReportSchema.safeParse(json);
  if (parsed.success) return { ok: true, report: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the report';
  return { ok: false, error: `Invalid ${where}: ${issue.message}` };
}
