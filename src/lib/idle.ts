import { startTransition, useEffect, useState } from 'react';

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

let held: Promise<unknown> | null = null;

/** Signs that someone is about to use the page: what waits for idle starts at once. */
const EARLY_EVENTS = ['pointerdown', 'keydown', 'focusin'] as const;

/**
 * A moment that comes once and stays: the first of `events` on the page, or `start(reach)` calling back
 * (started with the first subscriber).
 */
const oneTimeMoment = (events: readonly string[], start?: (reach: () => void) => void) => {
  let reached = false;
  let started = false;
  const listeners = new Set<() => void>();
  const reach = () => {
    if (reached) return;
    reached = true;
    for (const type of events) window.removeEventListener(type, reach, true);
    for (const listener of [...listeners]) listener();
  };
  return {
    isReached: () => reached,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      if (!started && !reached) {
        started = true;
        start?.(reach);
        for (const type of events) window.addEventListener(type, reach, { capture: true, passive: true });
      }
      return () => {
        listeners.delete(listener);
      };
    },
    reset: () => {
      reached = false;
      started = false;
    },
  };
};

/** Whether the moment has come; its coming renders as a transition. */
const useMoment = (moment: ReturnType<typeof oneTimeMoment>): boolean => {
  const [reached, setReached] = useState(moment.isReached);
  useEffect(() => {
    if (reached) return;
    const listener = () => startTransition(() => setReached(true));
    const unsubscribe = moment.subscribe(listener);
    // Reached between this render and its effect.
    if (moment.isReached()) listener();
    return unsubscribe;
  }, [moment, reached]);
  return reached;
};

const firstPaint = oneTimeMoment(EARLY_EVENTS, (reach) => whenIdleAfterFirstScreen(reach));
/** Signs of someone using the page: those above, and a mouse moving over it (a hover's tooltip needs code). */
const firstInteraction = oneTimeMoment([...EARLY_EVENTS, 'pointermove']);

/**
 * False on the first screen's render, true once the browser has been idle after it (or the user has
 * touched, clicked, focused or pressed a key, or the timeout passed): what renders behind it (pop-ups,
 * dialog hosts, the organisation's name) starts after the first paint, and is there before anyone
 * reaches for it. Once reached it stays true, so later screens render everything at once. The change
 * renders as a transition, in slices: what it brings in is not what anyone is waiting for.
 */
export const useAfterFirstPaint = (): boolean => useMoment(firstPaint);

/**
 * False until someone first uses the page (a touch, click, key, focus or mouse movement), then true for
 * good. For code only a person's action needs (the header's menus and tooltips, the dialogs' and
 * notifications' hosts): a phone that only shows a page never fetches it. Each of those also comes at
 * once from the action that needs it (a press on the user button opens its menu once the code is in, a
 * confirmation waits for its host, a notification shown before is kept until the host shows it). The
 * change renders as a transition, as `useAfterFirstPaint`'s does.
 */
export const useAfterFirstInteraction = (): boolean => useMoment(firstInteraction);

/**
 * `whenIdle`, started only once the first screen has rendered and been shown (see
 * `holdIdleForFirstScreen`), and after the frame then painting: the browser is idle too while the first
 * requests are in flight and between a commit and its paint, and what waits here must not load before
 * the page it should follow. Returns a cancel function.
 */
export const whenIdleAfterFirstScreen = (task: () => void): (() => void) => {
  if (!held) return whenIdle(task);
  let cancelled = false;
  let cancel = () => undefined as void;
  const step = (next: () => void) => {
    if (!cancelled) next();
  };
  void held.then(() =>
    step(() => {
      if (typeof window.requestAnimationFrame !== 'function') {
        cancel = whenIdle(task);
        return;
      }
      // Two frames: the one that paints the page, and the next, once the first has been presented.
      window.requestAnimationFrame(() =>
        step(() => window.requestAnimationFrame(() => step(() => (cancel = whenIdle(task))))),
      );
    }),
  );
  return () => {
    cancelled = true;
    cancel();
  };
};

/**
 * False until `ready` has been true and the browser has then been idle after a painted frame
 * (whenIdleAfterFirstScreen), then true for as long as the caller stays mounted. For work that should
 * follow what it complements on screen, not race it: the members tab's whole-group readings wait for
 * the page of rows they add counts and labels to. The change renders as a transition.
 */
export const useIdleAfter = (ready: boolean): boolean => {
  const [reached, setReached] = useState(false);
  useEffect(() => {
    if (!ready || reached) return;
    return whenIdleAfterFirstScreen(() => startTransition(() => setReached(true)));
  }, [ready, reached]);
  return reached;
};

let release: (() => void) | null = null;

/** Longest the hold lasts when no screen says it has shown (a page without `useFirstScreenShown`). */
const HOLD_AT_MOST_MS = 10_000;

/**
 * From now on, what waits for idle waits for the first screen too: until a screen calls
 * `useFirstScreenShown` (the layout, the public pages, the error page). While the first page's code
 * and data are fetched the browser idles, and what `useAfterFirstPaint` holds back would otherwise load
 * then, before the page it should follow. Early events (touch, key, focus) still count at once.
 */
export const holdIdleForFirstScreen = () => {
  if (held) return;
  held = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, HOLD_AT_MOST_MS);
  });
};

/** A screen that is the page (not a loading fallback) says it has rendered: the hold ends. */
export const useFirstScreenShown = (shown = true) => {
  useEffect(() => {
    if (shown) release?.();
  }, [shown]);
};

/** Test hook: back to "before the first paint". */
export const resetAfterFirstPaintForTests = () => {
  firstPaint.reset();
  firstInteraction.reset();
  held = null;
  release = null;
};
