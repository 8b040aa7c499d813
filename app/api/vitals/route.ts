import { MAX_VITALS_BODY_BYTES, parseVitalsReport } from '@/lib/analytics/vitals-report';
import { clientAddress } from '@/lib/security/client-address';
import { retryAfterSeconds } from '@/lib/security/rate-limit';
import { BodyTooLargeError, readBody } from '@/lib/security/read-body';

/**
 * POST: one field measurement (LCP, INP, CLS, TTFB or FCP) from a shopper who allowed analytics,
 * written to the server log as one JSON line (the README shows how to read them).
 */
export async function POST(request: Request): Promise<Response> {
  // Per address behind nginx (X-Real-IP); one shared count when Next is reached directly.
  const wait = await retryAfterSeconds('vitals', (await clientAddress()) ?? 'direct');
  if (wait)
    return Response.json(
      { error: `Too many measurements; try again in ${wait} seconds.` },
      { status: 429, headers: { 'Retry-After': String(wait) } },
    );
  let body: string;
  try {
    body = (await readBody(request, MAX_VITALS_BODY_BYTES)).toString('utf8');
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return Response.json({ error: error.message }, { status: 413 });
  }
  const parsed = parseVitalsReport(body);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  console.log(
    JSON.stringify({ event: 'web-vital', at: new Date().toISOString(), ...parsed.report }),
  );
  return new Response(null, { status: 204 });
}
