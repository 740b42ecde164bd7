import { t } from '@lingui/core/macro';
import {
  createTheme,
  DEFAULT_THEME,
  mergeThemeOverrides,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';
import type { KeyboardEvent } from 'react';

/**
 * Tabs activate as focus moves (the arrow keys select the next tab); Home and End, which Mantine only
 * focuses with, select the first and last tab too, so every key of the tab list follows one model.
 */
const activateFirstOrLastTab = (event: KeyboardEvent<HTMLButtonElement>) => {
  if (event.key !== 'Home' && event.key !== 'End') return;
  const list = event.currentTarget.closest('[role="tablist"]');
  const tabs = Array.from(list?.querySelectorAll<HTMLButtonElement>('[role="tab"]:not(:disabled)') ?? []).filter(
    (tab) => tab.closest('[role="tablist"]') === list,
  );
  const tab = event.key === 'Home' ? tabs[0] : tabs[tabs.length - 1];
  if (!tab || tab.getAttribute('aria-selected') === 'true') return;
  tab.focus();
  tab.click();
};

/**
 * Colours are chosen for WCAG AA contrast (checked by the end-to-end axe scans): the primary shade
 * is dark enough for white text in light mode, and dimmed text is darker than Mantine's default.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Transitions and animations (modals, menus, notifications) follow the system's reduced-motion setting.
  respectReducedMotion: true,
  // Plain objects, not `Modal.extend(…)`: importing the components here would put the dialogs, menus
  // and their floating layer into the first screen's script, which uses none of them.
  components: {
    // A notification's message in the theme's dimmed text (Mantine's own grey is too light for AA).
    // (The close buttons' names are words: localizedTheme.)
    Notification: {
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
    // A menu holds menu items only (the focus placeholder is a role="presentation" child of role="menu").
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    TabsTab: { defaultProps: { onKeyDown: activateFirstOrLastTab } },
    // A closed list's dropdown is not kept in the page: Mantine keeps it, hidden, and positions it (a forced
    // style recalculation of the whole page each) when the control mounts, three times on the members tab.
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
    MultiSelect: { defaultProps: { comboboxProps: { keepMounted: false } } },
    Autocomplete: { defaultProps: { comboboxProps: { keepMounted: false } } },
    // A table wider than its place scrolls natively (the build leaves Mantine's ScrollArea out of Table:
    // src/lib/table-scroll-area.tsx).
    TableScrollContainer: { defaultProps: { type: 'native' } },
  },
  fontFamily:
    // eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS font stack, not words
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
});

/**
 * Text of light, subtle and outline variants (badges, light buttons) in light mode: dark enough on their
 * tinted background, also inside a selected (tinted) table row.
 */
const lightVariantText = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).flatMap((color) => [
    // eslint-disable-next-line lingui/no-unlocalized-strings -- CSS values, not words
    [`--mantine-color-${color}-light-color`, `color-mix(in srgb, var(--mantine-color-${color}-9), black 40%)`],
    // eslint-disable-next-line lingui/no-unlocalized-strings -- CSS values, not words
    [`--mantine-color-${color}-outline`, `color-mix(in srgb, var(--mantine-color-${color}-9), black 30%)`],
  ]),
);

/**
 * The theme with the names Mantine's own controls carry, in the page's language: every dialog's,
 * drawer's and notification's close button has a name. Call once the language is active (at render).
 */
export const localizedTheme = (): MantineThemeOverride =>
  mergeThemeOverrides(theme, {
    components: {
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t`Close` } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t`Close` } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': t`Dismiss notification` } } },
    },
  });

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...lightVariantText,
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-3)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});
