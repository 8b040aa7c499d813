const listeners = new Set<() => void>();
let requested = false;

/** The footer's "Privacy choices": opens the choices, loading them first when needed. */
export function requestPrivacyChoices(): void {
  requested = true;
  listeners.forEach((listener) => listener());
}

export function onPrivacyChoicesRequested(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** True once per request: whoever shows the choices takes it. */
export function takePrivacyChoicesRequest(): boolean {
  const was = requested;
  requested = false;
  return was;
}
