import { NextResponse, type NextRequest } from 'next/server';

/**
 * Cross-site posts never reach a Server Action or a route. Next checks Origin against Host itself,
 * but answers a malformed Origin with a 500 and a rejected fetch action with a 500 too; here they get
 * a clear 400 or 403 before any work is done. Browsers send Origin with every POST (`null` from
 * sandboxed frames and privacy-sensitive redirects, which we refuse as well).
 */
export function proxy(request: NextRequest) {
  if (request.method === 'GET' || request.method === 'HEAD') return NextResponse.next();
  const origin = request.headers.get('origin');
  if (request.headers.get('sec-fetch-site') === 'cross-site') return refuse(403, 'Forms can only be sent from this site.');
  if (origin === null) return NextResponse.next();
  if (origin === 'null') return refuse(403, 'Forms can only be sent from a page of this site (the browser sent Origin: null).');
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

function refuse(status: 400 | 403, message: string) {
  return new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export const config = {
  // Only requests that can change something carry these headers; page views never run the proxy.
  matcher: [
    { source: '/:path*', has: [{ type: 'header', key: 'origin' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'sec-fetch-site', value: 'cross-site' }] },
  ],
};
