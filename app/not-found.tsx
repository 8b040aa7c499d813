import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-gutter py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">We could not find that page</h1>
      <p className="mt-3 text-ink-muted">It may have moved, or the address has a typo.</p>
      <a
        href="/"
        className="mt-6 inline-block font-semibold text-brand underline underline-offset-2"
      >
        See all supplements
      </a>
    </div>
  );
}
