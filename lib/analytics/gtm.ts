import { pageNonce } from './nonce';

export const GTM_ORIGIN = 'https://www.googletagmanager.com';

/**
 * Google Tag Manager's container, as Google's snippet loads it, with the page's nonce so the tags it
 * adds run under the CSP (Google's "Using Google Tag Manager with a Content Security Policy").
 */
export function loadTagManager(containerId: string): void {
  const dataLayer = ((window as Window & { dataLayer?: unknown[] }).dataLayer ??= []);
  dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
  const script = document.createElement('script');
  script.async = true;
  script.src = `${GTM_ORIGIN}/gtm.js?id=${encodeURIComponent(containerId)}`;
  script.nonce = pageNonce();
  document.head.append(script);
}
