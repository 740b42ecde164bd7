import { i18n, type Messages } from '@lingui/core';
import { useEffect } from 'react';
import { LOCALE, rememberAccountLanguage, UI_LANGUAGE, type UiLanguage } from './locale';

/**
 * The console's words in the page's language (locale.ts). English is in the code itself (the build
 * compiles it in: scripts/inline-source-messages.ts), so an English page loads no catalogue; another
 * language's catalogue (src/locales/<language>.po, compiled by the build) is fetched before the first
 * render, beside the page's code.
 */
const catalogues: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ messages: Messages }>> = {
  es: () => import('@/locales/es.po'),
  de: () => import('@/locales/de.po'),
  ja: () => import('@/locales/ja.po'),
  'pt-BR': () => import('@/locales/pt-BR.po'),
  'en-XA': () => import('@/locales/en-XA.po'),
};

/** Loads `language`'s catalogue and makes it the one every message reads, formatting for `locale`. */
export const activateLanguage = async (language: UiLanguage = UI_LANGUAGE, locale = LOCALE): Promise<void> => {
  const messages = language === 'en' ? {} : (await catalogues[language]()).messages;
  i18n.loadAndActivate({ locale: language, locales: [locale], messages });
};

/**
 * Honours the signed-in user's own Genesys Cloud language (users/me's `languagePreference`) when they chose
 * none in Settings: kept for the next loads, and when it changes the page's language, the page loads again
 * in it (once: after that the language kept is the page's).
 */
export const useAccountLanguage = (me: { languagePreference?: string } | undefined): void => {
  const known = me !== undefined;
  const preference = me?.languagePreference;
  useEffect(() => {
    if (known && rememberAccountLanguage(preference)) window.location.reload();
  }, [known, preference]);
};

export { i18n };
