import { PrivacyChoicesButton } from '@/components/analytics/PrivacyChoicesButton';

export function SiteFooter({ storeName }: { storeName: string }) {
  return (
    <footer className="mt-section border-t border-line bg-paper-sunk">
      <div className="mx-auto max-w-page px-gutter py-8 text-sm text-ink-subtle">
        <p>
          © {storeName}. Supplements are not a substitute for a varied diet. Talk to your healthcare
          provider before starting any supplement.
        </p>
        <PrivacyChoicesButton />
      </div>
    </footer>
  );
}
