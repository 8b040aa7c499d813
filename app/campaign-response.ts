import 'server-only';
import { linkProblemHtml, type LinkProblem } from '@/components/campaign/link-problem-html';
import { getContent } from '@/lib/content';

const NOT_CACHED = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

/** A campaign link that cannot be followed: its status, and a page that says why in words. */
export function linkProblemResponse(
  status: number,
  problem: LinkProblem,
  headers: Record<string, string> = {},
): Response {
  return new Response(linkProblemHtml(getContent().site.storeName, problem), {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...NOT_CACHED, ...headers },
  });
}

/**
 * See other: a relative Location, so the shopper stays on the host they came in by (the app does
 * not always know its public name behind the proxy).
 */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...NOT_CACHED } });
}
