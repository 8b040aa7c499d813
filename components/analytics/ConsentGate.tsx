'use client';

import { Suspense, useEffect, useState } from 'react';
import { lazyOptional } from '@/components/lazy-optional';
import { whenIdle } from '@/components/when-idle';
import { onPrivacyChoicesRequested } from '@/lib/analytics/privacy-choices';

const ConsentRuntime = lazyOptional(() => import('./ConsentRuntime'));

/**
 * Where the privacy choices live. The page paints and hydrates without any of it: the consent code
 * loads once the browser is idle (or at once when the shopper asks for their choices), and what it
 * measures loads only after the shopper allowed it.
 */
export function ConsentGate() {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    const start = () => setStarted(true);
    const stopListening = onPrivacyChoicesRequested(start);
    const stopWaiting = whenIdle(start, 4000);
    return () => {
      stopListening();
      stopWaiting();
    };
  }, []);
  return started ? (
    <Suspense fallback={null}>
      <ConsentRuntime />
    </Suspense>
  ) : null;
}
