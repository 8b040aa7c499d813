import 'server-only';
import { headers } from 'next/headers';

/**
 * The shopper's address as the proxy in front saw it. nginx (deploy/nginx) sets X-Real-IP from the
 * connection, overwriting anything the client sent; without a proxy there is no trustworthy address.
 */
export async function clientAddress(): Promise<string | undefined> {
  const value = (await headers()).get('x-real-ip')?.trim();
  return value && /^[0-9a-fA-F:.]{2,45}$/.test(value) ? value : undefined;
}
