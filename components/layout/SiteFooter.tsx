import { PrivacyChoicesButton } from '@/components/analytics/PrivacyChoicesButton';

export function SiteFooter({ storeName }: { storeName: string }) {
  return (
    <footer className="mt-section border-t border-line bg-paper-sunk">
      <div className="mx-auto max-w-page px-gutter py-8 text-sm text-ink-subtle">
        <nav aria-label="Store policies" className="mb-3">
          <a
            href="/policies/shipping-returns"
            className="font-semibold text-ink underline underline-offset-2 hover:text-brand"
          >
            Shipping, returns and subscriptions
          </a>
        </nav>
        <p>
          © {storeName}. Supplements are not a substitute for a varied diet. Talk to your healthcare
          provider before starting any supplement.
        </p>
        <PrivacyChoicesButton />
      </div>
    </footer>
  );
}
