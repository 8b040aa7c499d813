import { analyticsSetupFor } from '@/lib/analytics/server-setup';
import { storefrontConfig } from '@/lib/storefront';

/**
 * GET: what this shopper's page may measure and where to (lib/analytics/setup.ts). Pages are static,
 * so the shopper's country (a header the edge sets) and Global Privacy Control reach the page here.
 */
export async function GET(request: Request): Promise<Response> {
  const setup = await analyticsSetupFor(request.headers);
  // Kept by the browser for a few page views: it is this shopper's answer, never a shared cache's. An
  // answer missing the shop (the store did not say which it is) is not kept.
  const complete = setup.shopify !== null || storefrontConfig().mode === 'local';
  return Response.json(setup, {
    headers: { 'Cache-Control': complete ? 'private, max-age=300' : 'no-store' },
  });
}
