import { lazy, type ComponentType } from 'react';

/**
 * A component whose code the console can work without for a while: a pop-up or a host loaded when the
 * browser is idle. When its chunk cannot be fetched (the server or the network away at that moment),
 * `Fallback` stands in for it until the page is next loaded (browsers remember a failed module import),
 * instead of the failed import taking the whole console down with it.
 */
export const lazyOptional = <P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback: ComponentType<P>,
): ComponentType<P> =>
  lazy(async () => {
    try {
      return { default: await load() };
    } catch (error) {
      console.warn('Part of the console could not be loaded; it is left out until the page is reloaded.', error);
      return { default: Fallback };
    }
  });
