/** The Storefront API version that the installed @shopify/hydrogen-react is built for. */
export const SFAPI_VERSION = '2026-04';
