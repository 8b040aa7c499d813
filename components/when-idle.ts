/**
 * Runs `task` once the browser has nothing better to do (at the latest after `timeout` ms), so what
 * the first paint and hydration do not need waits for them. Safari has no requestIdleCallback: a
 * second after hydration serves the same purpose there. Returns a function that cancels it.
 */
export function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, Math.min(timeout, 1000));
  return () => window.clearTimeout(handle);
}
