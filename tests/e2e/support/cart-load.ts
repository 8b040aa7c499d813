import type { Page, Response } from '@playwright/test';

/** The page's read of the shopper's cart (GET /api/cart), made once it has hydrated. */
export const isCartLoad = (response: Response) =>
  response.request().method() === 'GET' && new URL(response.url()).pathname === '/api/cart';

export const waitForCartLoad = (page: Page) => page.waitForResponse(isCartLoad);
