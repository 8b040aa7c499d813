import { ConsentGate } from '@/components/analytics/ConsentGate';
import { cartPolicy } from '@/components/cart/cart-policy';
import { CartButton } from '@/components/cart/CartButton';
import { CartDrawer } from '@/components/cart/CartDrawer';
import { CartProvider } from '@/components/cart/CartProvider';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { getContent } from '@/lib/content';
import { siteUrl } from '@/lib/site-url';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export function generateMetadata(): Metadata {
  const { site } = getContent();
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: `${site.storeName}: ${site.tagline}`, template: `%s | ${site.storeName}` },
    description: site.tagline,
    applicationName: site.storeName,
    robots: { index: true, follow: true },
  };
}

export const viewport: Viewport = { themeColor: '#fbf8f1', width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  const { site, policies } = getContent();
  return (
    <html lang={site.language}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-paper-raised focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <ConsentGate />
        <CartProvider>
          <SiteHeader storeName={site.storeName} tagline={site.tagline} cart={<CartButton />} />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <SiteFooter storeName={site.storeName} />
          <CartDrawer policy={cartPolicy(policies)} />
        </CartProvider>
      </body>
    </html>
  );
}
