import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { getContent } from '@/lib/content';
import './globals.css';

export default function RootLayout({ children }: { children: ReactNode }) {
  const { site } = getContent();
  return (
    <html lang={site.language}>
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-paper-raised focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader storeName={site.storeName} tagline={site.tagline} />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter storeName={site.storeName} />
      </body>
    </html>
  );
}
