import 'server-only';
import { headers } from 'next/headers';
import { siteUrl } from '@/lib/site-url';

/**
 * The shopper's address as the proxy in front saw it. nginx (deploy/nginx) sets X-Real-IP from the
 * connection, overwriting anything the client sent; without a proxy there is no trustworthy address.
 */
export async function clientAddress(): Promise<string | undefined> {
  const value = (await headers()).get('x-real-ip')?.trim();
  return value && /^[0-9a-fA-F:.]{2,45}$/.test(value) ? value : undefined;
}

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
