import { NextResponse, type NextRequest } from 'next/server';

/** Cart forms and the revalidate webhook carry a few short fields; nothing here needs more. */
export const MAX_BODY_BYTES = 100_000;

/**
 * Turns requests Next would answer with a 500 (or act on) into clear 4xx answers before any work:
 * - cross-site posts never reach a Server Action or a route. Next compares Origin with Host itself,
 *   but answers a malformed Origin, and a refused fetch action, with a 500. Browsers send Origin
 *   with every POST (`null` from sandboxed frames and privacy-sensitive redirects: refused too);
 * - a body over the limit is a 413 on every route (Next's own action limit throws a 500);
 * - a malformed percent-escape in the path is a 400 (Next's dynamic segments throw a 500).
 * The matcher keeps it off plain page views, which carry none of these.
 */
export function proxy(request: NextRequest) {
  if (hasMalformedEscape(request.nextUrl.pathname))
    return refuse(400, 'The address has a malformed percent-escape.');
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES)
    return refuse(
      413,
      `The request body is larger than this site accepts (${MAX_BODY_BYTES.toLocaleString('en-US')} bytes).`,
    );
  if (request.method === 'GET' || request.method === 'HEAD') return NextResponse.next();
  if (request.headers.get('sec-fetch-site') === 'cross-site')
    return refuse(403, 'Forms can only be sent from this site.');
  const origin = request.headers.get('origin');
  if (origin === null) return NextResponse.next();
  if (origin === 'null')
    return refuse(
      403,
      'Forms can only be sent from a page of this site (the browser sent Origin: null).',
    );
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return refuse(400, 'The Origin header is not a valid origin.');
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!host || originHost !== host) return refuse(403, 'Forms can only be sent from this site.');
  return NextResponse.next();
}

function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes('%')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function refuse(status: 400 | 403 | 413, message: string) {
  return new NextResponse(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export const config = {
  matcher: [
    { source: '/:path*', has: [{ type: 'header', key: 'origin' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'sec-fetch-site', value: 'cross-site' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
    // Only paths with a percent sign: page views of plain paths never run this.
    { source: '/:path(.*%.*)' },
  ],
};
