import 'server-only';
import { headers } from 'next/headers';
import { siteUrl } from '@/lib/site-url';

/**
 * A Server Action called by React in the browser carries `Next-Action`; a form posted before or
 * without JavaScript does not, and gets a redirect to a page (post/redirect/get) instead of data.
 */
export async function calledFromScript(): Promise<boolean> {
  return (await headers()).has('next-action');
}

/** Cookies get `Secure` when the shopper reached us over HTTPS (directly or through the proxy). */
export async function servedOverHttps(): Promise<boolean> {
  const proto = (await headers()).get('x-forwarded-proto');
  return proto === 'https' || siteUrl().startsWith('https:');
}
