'use client';

import { useHydrated } from '@/components/cart/useHydrated';
import { requestPrivacyChoices } from '@/lib/analytics/privacy-choices';

/** In the footer: reopens the privacy choices. Without JavaScript nothing is measured, so it stays hidden. */
export function PrivacyChoicesButton() {
  // Rendered hidden on the server so the footer keeps its height when the button appears.
  const hidden = !useHydrated();
  return (
    <button
      type="button"
      onClick={requestPrivacyChoices}
      className={['mt-2 underline underline-offset-2 hover:text-brand', hidden && 'invisible']
        .filter(Boolean)
        .join(' ')}
    >
      Privacy choices
    </button>
  );
}
