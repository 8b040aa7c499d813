import { lazy, type ComponentType } from 'react';

const Nothing = () => null;

/**
 * React.lazy for a part the page works without (the privacy choices, field vitals): when its code
 * cannot be fetched, a dropped connection say, it renders nothing rather than throwing the whole
 * page into its error screen.
 */
export function lazyOptional<Props extends object>(
  load: () => Promise<{ default: ComponentType<Props> }>,
) {
  return lazy(() => load().catch(() => ({ default: Nothing as ComponentType<Props> })));
}
