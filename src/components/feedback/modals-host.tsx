import { Suspense, useEffect, type ReactNode } from 'react';
import { useAfterFirstInteraction } from '@/lib/idle';
import { lazyOptional } from '@/lib/optional-chunk';

let markReady: () => void = () => undefined;
/**
 * Resolves once the modals host listens for `modals.open…` events (which are lost while it is not
 * mounted). Resolving from a child's effect is safe: the awaiting code runs in a microtask, after the
 * whole commit's effects, the provider's listener included.
 */
export const modalsReady = new Promise<void>((resolve) => {
  markReady = resolve;
});

const Ready = () => {
  useEffect(() => markReady(), []);
  return null;
};

// Without its code, confirmations cannot be asked: nothing says it is ready, so none is opened into the void.
const ModalsProvider = lazyOptional<{ children?: ReactNode }>(
  () => import('./modals-provider').then((m) => m.ModalsProvider),
  () => null,
);

/**
 * The host of `@mantine/modals` (confirm dialogs), loaded at the first touch, key, click, focus or mouse
 * movement (which comes before any confirmation is asked), not with the first screen nor when it idles:
 * a phone that only shows a page does not fetch it. Render it once, beside the app: nothing here reads
 * the modals context, only `modals.open…` events, and those wait for `modalsReady`.
 */
export const ModalsHost = () =>
  useAfterFirstInteraction() ? (
    <Suspense fallback={null}>
      <ModalsProvider>
        <Ready />
      </ModalsProvider>
    </Suspense>
  ) : null;
