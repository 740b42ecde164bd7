import { useSyncExternalStore } from 'react';

/** How long work put off until the browser is idle may wait at most (a busy page never idles). */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * Runs `task` once the browser is idle after the current work (or after `timeout` ms at the latest),
 * so what the first screen does not need stays out of its long tasks. Browsers without
 * `requestIdleCallback` wait for the next paint instead. Returns a cancel function.
 */
export const whenIdle = (task: () => void, timeout = IDLE_TIMEOUT_MS): (() => void) => {
  if (typeof window === 'undefined') return () => undefined;
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(() => task(), { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  if (typeof window.requestAnimationFrame !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  // After the next frame has painted: a timer set from requestAnimationFrame runs after the paint.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = window.requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
};

let idleReached = false;
let scheduled = false;
const listeners = new Set<() => void>();

/** Signs that someone is about to use the page: what waits for idle starts at once. */
const EARLY_EVENTS = ['pointerdown', 'keydown', 'focusin'] as const;

const reachIdle = () => {
  if (idleReached) return;
  idleReached = true;
  for (const type of EARLY_EVENTS) window.removeEventListener(type, reachIdle, true);
  for (const listener of [...listeners]) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  if (!scheduled && !idleReached) {
    scheduled = true;
    whenIdle(reachIdle);
    for (const type of EARLY_EVENTS) window.addEventListener(type, reachIdle, { capture: true, passive: true });
  }
  return () => {
    listeners.delete(listener);
  };
};

const snapshot = () => idleReached;

/**
 * False on the first screen's render, true once the browser has been idle after it (or the user has
 * touched, clicked, focused or pressed a key, or the timeout passed): what renders behind it (pop-ups,
 * dialog hosts, the organisation's name) starts after the first paint, and is there before anyone
 * reaches for it. Once reached it stays true, so later screens render everything at once.
 */
export const useAfterFirstPaint = (): boolean => useSyncExternalStore(subscribe, snapshot, snapshot);

/** Test hook: back to "before the first paint". */
export const resetAfterFirstPaintForTests = () => {
  idleReached = false;
  scheduled = false;
};
