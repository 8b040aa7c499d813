'use client';

import { useEffect, useRef, useState } from 'react';
import type { ConsentChoice } from '@/lib/analytics/consent';

const BUTTON = 'rounded-full border px-4 py-2.5 text-sm font-semibold';
const EQUAL = `${BUTTON} border-brand bg-brand text-paper hover:bg-brand-strong`;
const QUIET = `${BUTTON} border-line-strong hover:border-brand hover:text-brand`;

/**
 * The privacy choices: fixed to the bottom of the window, so it covers content without moving it
 * (no layout shift), and placed first in the page's order so keyboard and screen reader users meet
 * it first. Accept and reject look alike. Opened from the footer, it starts at the two choices.
 */
export function ConsentBanner({
  mode,
  current,
  gpc,
  onChoose,
  onClose,
}: {
  mode: 'banner' | 'choices';
  current: ConsentChoice | null;
  gpc: boolean;
  onChoose: (choice: ConsentChoice) => void;
  onClose?: () => void;
}) {
  const [choosing, setChoosing] = useState(mode === 'choices');
  const [analytics, setAnalytics] = useState(current?.analytics ?? false);
  const [marketing, setMarketing] = useState(!gpc && (current?.marketing ?? false));
  const first = useRef<HTMLInputElement>(null);

  // Asked for (from the footer, or "Choose"), the choices take focus; the first banner never steals it.
  useEffect(() => {
    if (
      choosing &&
      (mode === 'choices' || document.activeElement?.closest('[data-privacy-choices]'))
    )
      first.current?.focus();
  }, [choosing, mode]);

  return (
    <section
      aria-labelledby="privacy-choices-title"
      data-privacy-choices=""
      className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-paper-raised shadow-2xl"
    >
      <div className="mx-auto max-w-page px-gutter py-4">
        <h2 id="privacy-choices-title" className="font-serif text-xl font-semibold">
          Privacy choices
        </h2>
        <p className="mt-1 max-w-prose text-sm text-ink-muted">
          Analytics counts page views, what goes into carts and how fast pages load. Marketing lets
          advertising partners use what you look at to show you our ads.{' '}
          {mode === 'banner'
            ? 'Nothing is measured until you choose.'
            : 'Your choice applies from now on.'}
        </p>
        {choosing && (
          <fieldset className="mt-3 flex flex-col gap-2 text-sm">
            <legend className="sr-only">What may be measured</legend>
            <label className="flex items-center gap-2">
              <input
                ref={first}
                type="checkbox"
                checked={analytics}
                onChange={(event) => setAnalytics(event.target.checked)}
                className="size-5 accent-brand"
              />
              Analytics
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={marketing}
                disabled={gpc}
                aria-describedby={gpc ? 'privacy-choices-gpc' : undefined}
                onChange={(event) => setMarketing(event.target.checked)}
                className="size-5 accent-brand"
              />
              Marketing
            </label>
            {gpc && (
              <p id="privacy-choices-gpc" className="text-ink-muted">
                Your browser asks sites not to sell or share your data (Global Privacy Control), so
                marketing stays off.
              </p>
            )}
          </fieldset>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className={EQUAL}
            onClick={() => onChoose({ analytics: true, marketing: true })}
          >
            Accept all
          </button>
          <button
            type="button"
            className={EQUAL}
            onClick={() => onChoose({ analytics: false, marketing: false })}
          >
            Reject all
          </button>
          {choosing ? (
            <button
              type="button"
              className={QUIET}
              onClick={() => onChoose({ analytics, marketing })}
            >
              Save choices
            </button>
          ) : (
            <button type="button" className={QUIET} onClick={() => setChoosing(true)}>
              Choose
            </button>
          )}
          {onClose && (
            <button type="button" className={QUIET} onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
