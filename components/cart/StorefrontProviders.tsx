'use client';

import { CartProvider, ShopifyProvider } from '@shopify/hydrogen-react';
import type { ReactNode } from 'react';
import type { PublicStorefrontConfig } from '@/lib/storefront/config';
import { adoptCartFromCookie } from './cart-id';
import { CartUIProvider } from './CartUIProvider';

// Before CartProvider's first effect reads localStorage, point it at the cart in the cookie: a cart
// started by a no-JavaScript form post is then the same cart here.
if (typeof window !== 'undefined') adoptCartFromCookie();

export function StorefrontProviders({ config, children }: { config: PublicStorefrontConfig; children: ReactNode }) {
  return (
    <ShopifyProvider {...config}>
      <CartProvider countryCode={config.countryIsoCode} languageCode={config.languageIsoCode}>
        <CartUIProvider>{children}</CartUIProvider>
      </CartProvider>
    </ShopifyProvider>
  );
}
