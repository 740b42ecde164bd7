import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';

/**
 * Unsaved form values survive a sign-in round trip (a 401 in the middle of editing sends the
 * browser to the sign-in page and back). `useDraft` keeps the values of a Mantine form in
 * sessionStorage while the user types and puts them back when the form mounts again.
 *
 * ```tsx
 * const form = useForm({ mode: 'controlled', initialValues });
 * const draft = useDraft(`group-edit:${groupId}`, form);
 * // after a successful submit:
 * draft.clear();
 * // draft.restored is true when the values came back from a draft (show a notice if you like)
 * ```
 * Works with controlled and uncontrolled forms: values are saved on every change the form reports
 * and, in any case, right before the browser leaves the page.
 */
const PREFIX = 'groups-console.draft.';

type Flusher = () => void;
const flushers = new Set<Flusher>();

/** Saves every mounted draft now (called before a redirect to the sign-in page). */
export const flushDrafts = (): void => {
  flushers.forEach((flush) => flush());
};

export const readDraft = <T>(key: string): T | null => {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
};

export const writeDraft = (key: string, values: unknown): void => {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Storage full or unavailable: the draft is a convenience, never a reason to fail.
  }
};

export const clearDraft = (key: string): void => {
  sessionStorage.removeItem(PREFIX + key);
};

/** The part of a Mantine form `useDraft` needs (so tests can pass a minimal double). */
export type DraftableForm<T> = Pick<UseFormReturnType<T>, 'getValues' | 'setValues' | 'isDirty'>;

export interface Draft {
  /** True when the form's values were restored from a saved draft on mount. */
  restored: boolean;
  /** Forget the draft (after a successful save or an explicit discard). */
  clear: () => void;
}

export const useDraft = <T extends Record<string, unknown>>(key: string, form: DraftableForm<T>): Draft => {
  const [restored] = useState(() => readDraft(key) !== null);
  const formRef = useRef(form);
  const cleared = useRef(false);
  const lastSaved = useRef<string | null>(null);

  useEffect(() => {
    formRef.current = form;
  });

  // Restore once per key, on mount.
  useEffect(() => {
    const saved = readDraft<Partial<T>>(key);
    cleared.current = false;
    if (saved) {
      formRef.current.setValues(saved);
      lastSaved.current = JSON.stringify(saved);
    }
  }, [key]);

  // Save on every render in which the values changed (controlled forms re-render on each change)…
  useEffect(() => {
    if (cleared.current || !form.isDirty()) return;
    const json = JSON.stringify(form.getValues());
    if (json !== lastSaved.current) {
      lastSaved.current = json;
      writeDraft(key, form.getValues());
    }
  });

  // …and always right before leaving the page (uncontrolled forms, redirects).
  useEffect(() => {
    const flush = () => {
      if (!cleared.current && formRef.current.isDirty()) writeDraft(key, formRef.current.getValues());
    };
    flushers.add(flush);
    window.addEventListener('pagehide', flush);
    return () => {
      flushers.delete(flush);
      window.removeEventListener('pagehide', flush);
    };
  }, [key]);

  return {
    restored,
    clear: () => {
      cleared.current = true;
      lastSaved.current = null;
      clearDraft(key);
    },
  };
};
