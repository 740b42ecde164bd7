import { useState, useSyncExternalStore } from 'react';

/** Pages read so far of a whole-group reading, and its page count (0 before the first page answers). */
export interface ReadProgress {
  read: number;
  of: number;
}

/** A reading's progress, for the one component that shows it to subscribe to. */
export interface ReadProgressSource {
  get: () => ReadProgress;
  subscribe: (listener: () => void) => () => void;
}

export interface ReadProgressStore extends ReadProgressSource {
  set: (read: number, of: number) => void;
}

const NOT_STARTED: ReadProgress = { read: 0, of: 0 };

/**
 * Where a whole-group reading reports its progress. It is kept out of React state on purpose: a reading
 * of 100,000 members reports every quarter second for seconds, and each report re-rendered the whole
 * members tab (its toolbar, finder and rows), a long task on a phone for a number only the progress bar
 * shows. Only the component that shows it (useReadProgress) re-renders now.
 */
export function createReadProgress(): ReadProgressStore {
  let current = NOT_STARTED;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (read, of) => {
      if (read === current.read && of === current.of) return;
      current = { read, of };
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A progress store that lives as long as the component calling it. */
export const useReadProgressStore = (): ReadProgressStore => useState(createReadProgress)[0];

/** The progress a source reports, re-rendering only the caller as it moves. */
export const useReadProgress = (source: ReadProgressSource): ReadProgress =>
  useSyncExternalStore(source.subscribe, source.get, source.get);
