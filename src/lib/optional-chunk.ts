import { lazy, startTransition, useEffect, useState, type ComponentType } from 'react';

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

const loadedModules = new Map<() => Promise<unknown>, unknown>();

/**
 * The module `load` answers, fetched once `when` is true: null until it has arrived, and for good when
 * it could not be fetched (as `lazyOptional`). Unlike a lazy component behind Suspense, nothing is
 * replaced while the code is on its way, so what stands in for it (a plain button) keeps the keyboard's
 * focus until the module's part takes its place in one render.
 */
export const useOptionalModule = <M>(load: () => Promise<M>, when: boolean): M | null => {
  const [module, setModule] = useState<M | null>(() => (loadedModules.get(load) as M | undefined) ?? null);
  useEffect(() => {
    if (!when || module) return;
    let live = true;
    load().then(
      (loaded) => {
        loadedModules.set(load, loaded);
        // A transition: the part renders in slices that leave the page responsive, not in one long task.
        if (live) startTransition(() => setModule(() => loaded));
      },
      (error: unknown) =>
        console.warn('Part of the console could not be loaded; it is left out until the page is reloaded.', error),
    );
    return () => {
      live = false;
    };
  }, [load, when, module]);
  return module;
};
