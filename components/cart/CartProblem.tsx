'use client';

import { useCartUI } from './CartUIProvider';

/** The cart's current problem in words, with a way to retry when retrying can help. */
export function CartProblem() {
  const { problem, retry, dismissProblem } = useCartUI();
  if (!problem) return null;
  return (
    <div role="alert" className="mt-4 rounded-card border border-danger bg-danger-soft p-3 text-sm text-danger">
      <p>{problem}</p>
      <div className="mt-2 flex gap-3">
        {retry ? (
          <button type="button" onClick={retry} className="font-semibold underline underline-offset-2">
            Try again
          </button>
        ) : (
          <button type="button" onClick={dismissProblem} className="font-semibold underline underline-offset-2">
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
