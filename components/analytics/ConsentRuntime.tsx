'use client';

import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { lazyOptional } from '@/components/lazy-optional';
import {
  choiceCookie,
  decide,
  measuresAnything,
  readStoredChoice,
  type ConsentChoice,
} from '@/lib/analytics/consent';
import { deliverCartEvents } from '@/lib/analytics/events';
import {
  onPrivacyChoicesRequested,
  takePrivacyChoicesRequest,
} from '@/lib/analytics/privacy-choices';
import type { AnalyticsSetup } from '@/lib/analytics/setup';
import type { Tracking } from '@/lib/analytics/tracking';
import { ConsentBanner } from './ConsentBanner';

const VitalsReporter = lazyOptional(() => import('./VitalsReporter'));

const browserGpc = () =>
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

/**
 * The shopper's privacy choice and what follows from it, loaded after the page is idle. A stored
 * choice decides; otherwise /api/analytics says whether this shopper's country needs a banner: where
 * it does, nothing is measured until they choose; where it does not, the store's default applies.
 */
export default function ConsentRuntime() {
  // Rendered in the browser only (loaded lazily after hydration), so the cookie is there to read.
  const [stored] = useState(() => readStoredChoice(document.cookie));
  const [choice, setChoice] = useState<ConsentChoice | null>(() =>
    stored && !measuresAnything(stored) ? stored : null,
  );
  // Started by the footer's "Privacy choices": open at the choices.
  const [panel, setPanel] = useState<'banner' | 'choices' | null>(() =>
    takePrivacyChoicesRequest() ? 'choices' : null,
  );
  const [gpc, setGpc] = useState(browserGpc);
  const [vitalsStarted, setVitalsStarted] = useState(false);
  const setup = useRef<Promise<AnalyticsSetup | null> | null>(null);
  const tracking = useRef<Promise<Tracking | null> | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const loadSetup = useCallback(
    () =>
      (setup.current ??= fetch('/api/analytics')
        .then((answer) => (answer.ok ? (answer.json() as Promise<AnalyticsSetup>) : null))
        .catch(() => null)),
    [],
  );

  const measure = useCallback(
    async (next: ConsentChoice) => {
      setChoice(next);
      if (next.analytics) setVitalsStarted(true);
      if (tracking.current) {
        (await tracking.current)?.update(next);
        return;
      }
      if (!measuresAnything(next)) return deliverCartEvents(null);
      tracking.current = loadSetup().then(async (answer) => {
        if (!answer) return null;
        const { startTracking } = await import('@/lib/analytics/tracking');
        return startTracking(answer, answer.gpc ? { ...next, marketing: false } : next);
      });
      if (await tracking.current) return;
      // The server did not answer: nothing is measured, and the next choice asks again.
      tracking.current = setup.current = null;
      deliverCartEvents(null);
    },
    [loadSetup],
  );

  const openChoices = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPanel('choices');
  }, []);

  useEffect(() => {
    if (panel === 'choices' && document.activeElement instanceof HTMLElement)
      opener.current ??= document.activeElement;
    const stopListening = onPrivacyChoicesRequested(() => {
      if (takePrivacyChoicesRequest()) openChoices();
    });
    if (stored && !measuresAnything(stored)) {
      // Nothing may be measured: not even the setup request is needed.
      deliverCartEvents(null);
    } else {
      void loadSetup().then((answer) => {
        if (!answer) return deliverCartEvents(null);
        const signal = browserGpc() || answer.gpc;
        setGpc(signal);
        const decided = decide(stored, answer, signal);
        if (decided) void measure(decided);
        else setPanel((current) => current ?? 'banner');
      });
    }
    return stopListening;
    // Once, when the consent code has loaded; `panel` is read only as it started.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadSetup, measure, openChoices, stored]);

  /** Focus goes back to what opened the choices, or to the content when the banner held it. */
  const hide = (next: 'banner' | null) => {
    const returnTo = opener.current;
    opener.current = null;
    const hadFocus = document.activeElement?.closest('[data-privacy-choices]');
    setPanel(next);
    if (returnTo?.isConnected) returnTo.focus();
    else if (hadFocus) document.getElementById('main')?.focus();
  };

  const choose = (next: ConsentChoice) => {
    const allowed = gpc ? { ...next, marketing: false } : next;
    document.cookie = choiceCookie(allowed, location.protocol === 'https:');
    hide(null);
    void measure(allowed);
  };

  return (
    <>
      {panel && (
        <ConsentBanner
          key={panel}
          mode={panel}
          current={choice}
          gpc={gpc}
          onChoose={choose}
          // Closing changes nothing; a shopper who has not chosen yet gets the banner back.
          onClose={panel === 'choices' ? () => hide(choice ? null : 'banner') : undefined}
        />
      )}
      {vitalsStarted && (
        <Suspense fallback={null}>
          <VitalsReporter enabled={choice?.analytics ?? false} />
        </Suspense>
      )}
    </>
  );
}
