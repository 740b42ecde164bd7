import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A failed submit shown where the user is looking: the page scrolls to the first invalid field and
 * focuses it (its error is beside it), or to the form's error summary beside the submit button when
 * no field is to blame. The focus moves after React has rendered the errors, so a field that has just
 * become invalid is found.
 *
 * ```tsx
 * const { formRef, summaryRef, show } = useSubmitFailureFocus();
 * const submit = form.onSubmit(save, () => show('field'));   // client-side validation failed
 * // a refused save: show(fieldErrorsShown ? 'field' : 'summary')
 * <form ref={formRef} onSubmit={submit}>… <FormErrorSummary ref={summaryRef} … /> …</form>
 * ```
 */

/** Where a failure sends the user: the first invalid field (else the summary), or the summary. */
export type FailureFocusTarget = 'field' | 'summary';

/** The first field marked invalid (aria-invalid) inside `container`, in document order. */
export const firstInvalidField = (container: ParentNode | null | undefined): HTMLElement | null =>
  container?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? null;

/** Scrolls `element` to the middle of the window (clear of the fixed header) and focuses it. */
export const revealAndFocus = (element: HTMLElement): void => {
  // Not in every environment (jsdom has no layout).
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center', inline: 'nearest' });
  element.focus({ preventScroll: true });
};

export interface SubmitFailureFocus<F extends HTMLElement, S extends HTMLElement> {
  /** The form (or the element around its fields). */
  formRef: React.RefObject<F | null>;
  /** The error summary beside the submit button; it needs tabIndex={-1} to take the focus. */
  summaryRef: React.RefObject<S | null>;
  /** Moves the user to the failure once the errors have rendered. */
  show: (target: FailureFocusTarget) => void;
}

export const useSubmitFailureFocus = <
  F extends HTMLElement = HTMLFormElement,
  S extends HTMLElement = HTMLDivElement,
>(): SubmitFailureFocus<F, S> => {
  const formRef = useRef<F>(null);
  const summaryRef = useRef<S>(null);
  // A new object each time: a second failure moves the focus again.
  const [request, setRequest] = useState<{ target: FailureFocusTarget } | null>(null);

  useEffect(() => {
    if (!request) return;
    const field = request.target === 'field' ? firstInvalidField(formRef.current) : null;
    const element = field ?? summaryRef.current;
    if (element) revealAndFocus(element);
  }, [request]);

  const show = useCallback((target: FailureFocusTarget) => setRequest({ target }), []);
  return { formRef, summaryRef, show };
};
