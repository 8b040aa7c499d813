import type { ReactNode } from 'react';

/** `cart` is the slot for the cart link, so the header itself stays a server component. */
export function SiteHeader({
  storeName,
  tagline,
  cart,
}: {
  storeName: string;
  tagline: string;
  cart?: ReactNode;
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-paper/95 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-page items-center justify-between gap-4 px-gutter">
        {/* A fixed height: centred without it, the name would move up when the tagline arrives. */}
        <a href="/" className="flex h-11 flex-col leading-tight">
          <span className="font-serif text-lg font-bold text-brand-strong">{storeName}</span>
          <span className="text-xs text-ink-subtle">{tagline}</span>
        </a>
        {cart}
      </div>
    </header>
  );
}
