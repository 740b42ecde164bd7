/**
 * Where focus goes when a dialog, drawer or confirmation opens and closes (WAI-ARIA dialog pattern):
 * it opens on its first field (or the element marked `data-autofocus`, or its content when it has no
 * field) and, when it closes, focus returns to the control that opened it. When that control is gone
 * (a menu item that closed with its menu, a button that left with the selection) or disabled, focus goes
 * to the menu's button, else to the nearest control still on screen around where the opener was.
 */

/** The element focused last, for dialogs that open while nothing has focus (after a busy button). */
let lastFocused: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener(
    'focusin',
    (event) => {
      if (event.target instanceof HTMLElement) lastFocused = event.target;
    },
    true,
  );
}

/** Where focus returns to: the opener, then the button of the menu it was in, then around the opener. */
export interface Opener {
  candidates: HTMLElement[];
  /** The opener's ancestors, nearest first: the nearest still on screen gives its first control. */
  ancestors: HTMLElement[];
}

const TABBABLE =
  // eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS selector, not words
  'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The menu's button, for an element of a menu (labelled by its button). */
const menuButtonOf = (el: Element): HTMLElement | null => {
  const id = el.closest('[role="menu"]')?.getAttribute('aria-labelledby');
  return id ? document.getElementById(id) : null;
};

/** In a menu that has closed (it stays on screen a moment, fading out). */
const inClosedMenu = (el: Element) =>
  !!el.closest('[role="menu"]') && menuButtonOf(el)?.getAttribute('aria-expanded') !== 'true';

const isUsable = (el: Element): el is HTMLElement =>
  el instanceof HTMLElement &&
  el.isConnected &&
  !inClosedMenu(el) &&
  !el.matches(':disabled') &&
  el.getAttribute('aria-disabled') !== 'true' &&
  !el.closest('[inert]') &&
  el.getClientRects().length > 0;

const isTabbable = (el: Element): el is HTMLElement => isUsable(el) && el.tabIndex >= 0;

/** Records what has focus now as the opener of a dialog about to take it. */
export const rememberOpener = (): Opener => {
  const active = document.activeElement;
  const focusedNow = active instanceof HTMLElement && active !== document.body ? active : null;
  // A menu item already gone with its menu (no closing transition, reduced motion) still sits in that
  // menu, which names its button.
  const lastOpener = lastFocused?.isConnected ? lastFocused : lastFocused && menuButtonOf(lastFocused);
  const opener = focusedNow ?? (lastOpener?.isConnected ? lastOpener : null);
  const candidates: HTMLElement[] = [];
  const ancestors: HTMLElement[] = [];
  if (!opener) return { candidates, ancestors };
  candidates.push(opener);
  // A menu item: its menu closes (and unmounts) with the click; the menu's button stays.
  const menuButton = menuButtonOf(opener);
  if (menuButton) candidates.push(menuButton);
  const start = menuButton ?? opener;
  for (let el = start.parentElement; el && el !== document.body; el = el.parentElement) ancestors.push(el);
  return { candidates, ancestors };
};

/** The control focus returns to: the first usable candidate, else the first control near the opener. */
const returnTarget = ({ candidates, ancestors }: Opener): HTMLElement | null => {
  const candidate = candidates.find(isUsable);
  if (candidate) return candidate;
  for (const ancestor of ancestors) {
    if (!ancestor.isConnected) continue;
    const control = Array.from(ancestor.querySelectorAll(TABBABLE)).find(isTabbable);
    if (control) return control;
  }
  return null;
};

/** Nothing useful has focus: the page's body, a removed element, or an element of the closing dialog. */
const focusIsLost = (closing: Element | null | undefined) => {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || !!closing?.contains(active);
};

/**
 * Returns focus to the opener (or the nearest surviving control) when the closing dialog still holds it
 * or it was lost; a moment later once more, in case the opener was replaced in the same render.
 */
export const returnFocus = (opener: Opener, closing?: Element | null) => {
  const attempt = (from: Element | null | undefined) => {
    if (!focusIsLost(from)) return;
    returnTarget(opener)?.focus();
  };
  attempt(closing);
  window.setTimeout(() => attempt(closing?.isConnected ? closing : null), 0);
};

/** Form fields, in the order a dialog's first one is looked for. */
// eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS selector, not words
const FIELDS = 'input:not([type="hidden"]), select, textarea, .mantine-Input-input';

/** The dialog's first field (a radio group's checked radio), or null when it has none. */
export const firstField = (dialog: Element): HTMLElement | null => {
  for (const field of dialog.querySelectorAll(FIELDS)) {
    if (!(field instanceof HTMLElement) || field.matches(':disabled')) continue;
    if (field instanceof HTMLInputElement && field.type === 'radio' && field.name) {
      const checked = dialog.querySelector<HTMLInputElement>(
        `input[type="radio"][name="${CSS.escape(field.name)}"]:checked`,
      );
      if (checked && !checked.disabled) return checked;
    }
    if (isTabbable(field)) return field;
  }
  return null;
};

/** What a dialog opens on when none of its elements is marked `data-autofocus`. */
export type InitialFocus = 'field' | 'content';

/**
 * Chooses the element a dialog opens on, before Mantine's focus trap looks for `[data-autofocus]`: the
 * element already marked, else (with `initial` 'field') the first field, else `content` (the dialog's
 * body, focusable for this). While the dialog shows only its content, a field that appears later (after
 * a load) takes focus, unless the user has moved on. Returns a function that stops watching.
 */
export const chooseInitialFocus = (
  dialog: Element,
  content: HTMLElement,
  initial: InitialFocus = 'field',
): (() => void) => {
  const marked = () =>
    Array.from(dialog.querySelectorAll<HTMLElement>('[data-autofocus]')).find((el) => el !== content);
  if (marked()) return () => undefined;
  if (initial === 'content') {
    content.tabIndex = -1;
    content.setAttribute('data-autofocus', '');
    return () => undefined;
  }
  const field = firstField(dialog);
  if (field) {
    field.setAttribute('data-autofocus', '');
    return () => undefined;
  }
  content.tabIndex = -1;
  content.setAttribute('data-autofocus', '');
  const observer = new MutationObserver(() => {
    const active = document.activeElement;
    if (active && active !== content && dialog.contains(active)) {
      observer.disconnect();
      return;
    }
    const later = marked() ?? firstField(dialog);
    if (!later) return;
    observer.disconnect();
    content.removeAttribute('data-autofocus');
    later.setAttribute('data-autofocus', '');
    if (active === content) later.focus();
  });
  observer.observe(dialog, { childList: true, subtree: true });
  return () => observer.disconnect();
};
