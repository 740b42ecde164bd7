/**
 * The console's one locale: the language its words are in, and the formats of every date, time, relative
 * time, number and name order it shows.
 *
 * Formats follow the language the words are in, in the user's regional variant when the browser names one:
 * English words read "4 Dec 2026, 14:05" for en-GB and "Dec 4, 2026, 2:05 PM" for en-US, German words
 * "4. Dez. 2026, 14:05", never a German date inside an English sentence. The language is the first of
 * these that the console speaks:
 * 1. the user's choice in Settings (kept in this browser);
 * 2. the user's own language in Genesys Cloud (`languagePreference` on users/me, kept once read: a change
 *    reloads the page in it, see `rememberAccountLanguage`);
 * 3. the deployment's default (`language` in config.json);
 * 4. the browser's languages, in order;
 * 5. English.
 */

/**
 * The languages the console's words are written in: each a catalogue (src/locales), English the source.
 * `en-XA` is the pseudo-locale: English accented, longer and bracketed, for tests.
 */
export const UI_LANGUAGES = ['en', 'es', 'de', 'ja', 'pt-BR'] as const;
export const PSEUDO_LOCALE = 'en-XA';
export type UiLanguage = (typeof UI_LANGUAGES)[number] | typeof PSEUDO_LOCALE;

/** The locale when the browser names no variant of a language the console speaks. */
export const DEFAULT_LOCALE = 'en-US';

/** Where the user's choice of language is kept (a `UiLanguage`); none means "automatic". */
export const LANGUAGE_STORAGE_KEY = 'groups-console.language';

const languageOf = (tag: string): string | undefined => {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return undefined;
  }
};

/** The catalogue a locale's words come from: `de-AT` → `de`, `pt-PT` → `pt-BR`, `fr` → none. */
export const uiLanguageOf = (locale: string): UiLanguage | undefined => {
  if (locale === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  const language = languageOf(locale);
  return UI_LANGUAGES.find((ui) => ui === language || ui.startsWith(`${language}-`));
};

/**
 * The first of the `preferred` languages (most wanted first, as `navigator.languages`) that the console
 * speaks, as a BCP 47 tag (`en-GB`, `de`); `DEFAULT_LOCALE` when there is none. Tags that are not valid
 * are passed over. With a `chosen` language, the first variant of it the browser names (`de-CH` for a
 * choice of German), else the language itself.
 */
export const resolveLocale = (preferred: readonly string[], chosen?: UiLanguage): string => {
  if (chosen === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  const candidates = chosen ? [...preferred.filter((tag) => uiLanguageOf(tag) === chosen), chosen] : preferred;
  for (const tag of candidates) {
    let locale: Intl.Locale;
    try {
      locale = new Intl.Locale(tag);
    } catch {
      continue;
    }
    const ui = uiLanguageOf(locale.baseName);
    if (!ui) continue;
    if (locale.region) return locale.baseName;
    // A bare language formats as its catalogue's variant would: say so.
    return locale.language === 'en' ? DEFAULT_LOCALE : ui;
  }
  return DEFAULT_LOCALE;
};

const browserLanguages = (): readonly string[] => {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
};

const storedLanguage = (key: string): UiLanguage | undefined => {
  try {
    const stored = globalThis.localStorage?.getItem(key);
    return stored ? uiLanguageOf(stored) : undefined;
  } catch {
    return undefined;
  }
};

/** The language chosen in Settings, if any. */
export const chosenLanguage = (): UiLanguage | undefined => storedLanguage(LANGUAGE_STORAGE_KEY);

/** Keeps (or, with undefined, forgets) the user's choice; it takes effect when the page loads again. */
export const setChosenLanguage = (language: UiLanguage | undefined): void => {
  if (language) localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  else localStorage.removeItem(LANGUAGE_STORAGE_KEY);
};

/** Where the signed-in user's own Genesys Cloud language is kept once read (a `UiLanguage`). */
export const ACCOUNT_LANGUAGE_STORAGE_KEY = 'groups-console.account-language';

let deploymentLanguage: UiLanguage | undefined;

/** The language this page's words are in, before the browser's: chosen, the account's, the deployment's. */
export const preferredLanguage = (
  chosen: UiLanguage | undefined,
  account: UiLanguage | undefined,
  deployment: UiLanguage | undefined,
): UiLanguage | undefined => chosen ?? account ?? deployment;

/** The locale for a choice in Settings (or none), after the account's and the deployment's language. */
const localeFor = (chosen: UiLanguage | undefined): string =>
  resolveLocale(
    browserLanguages(),
    preferredLanguage(chosen, storedLanguage(ACCOUNT_LANGUAGE_STORAGE_KEY), deploymentLanguage),
  );

const pageLocale = (): string => localeFor(chosenLanguage());

/** The language without a choice in Settings: the account's, else the deployment's, else the browser's. */
export const automaticUiLanguage = (): UiLanguage => uiLanguageOf(localeFor(undefined)) ?? 'en';

/** The locale of this page (see above); settled once config.json has been read. */
export let LOCALE = pageLocale();

/** The catalogue of this page's words. */
export let UI_LANGUAGE: UiLanguage = uiLanguageOf(LOCALE) ?? 'en';

const settle = (): void => {
  LOCALE = pageLocale();
  UI_LANGUAGE = uiLanguageOf(LOCALE) ?? 'en';
};

/**
 * The deployment's default language (config.json's `language`), read before the first render: the page's
 * language is settled again with it.
 */
export const setDeploymentLanguage = (language: string | undefined): void => {
  deploymentLanguage = language ? uiLanguageOf(language) : undefined;
  settle();
};

/**
 * Keeps the signed-in user's own Genesys Cloud language (users/me's `languagePreference`: "de", "pt-br";
 * empty or one the console does not speak: none). Answers true when that changes the language this page
 * should be in, which it is then loaded again in.
 */
export const rememberAccountLanguage = (preference: string | undefined): boolean => {
  const language = preference ? uiLanguageOf(preference) : undefined;
  try {
    if (language) localStorage.setItem(ACCOUNT_LANGUAGE_STORAGE_KEY, language);
    else localStorage.removeItem(ACCOUNT_LANGUAGE_STORAGE_KEY);
  } catch {
    return false;
  }
  return pageLocale() !== LOCALE;
};

/**
 * Made on first use: a formatter takes ICU data to build, and the first screen needs few of them. Made
 * again if the page's locale was settled since (config.json read after a first use).
 */
const lazily = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  let madeFor: string | undefined;
  return () => {
    if (madeFor !== LOCALE) {
      made = make();
      madeFor = LOCALE;
    }
    return made as T;
  };
};

const dateTime = lazily(() => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }));
const longDay = lazily(
  () => new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
);
const longDate = lazily(() => new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' }));
const exactTime = lazily(() => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'full', timeStyle: 'medium' }));
const clockTime = lazily(
  () => new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
);
const utcMonth = lazily(() => new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' }));
const relative = lazily(() => new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' }));
const numbers = lazily(() => new Intl.NumberFormat(LOCALE));
// One collator for every comparison: `localeCompare` with options builds one per call (seconds for
// 50,000 names on a phone).
const names = lazily(() => new Intl.Collator(LOCALE, { sensitivity: 'base' }));
const lists = lazily(() => new Intl.ListFormat(LOCALE, { type: 'conjunction' }));

/** Date and time, short: "Dec 4, 2026, 2:05 PM". */
export const formatDateTime = (date: Date | number): string => dateTime().format(date);
/** A day in words: "Friday, December 4, 2026". */
export const formatLongDay = (date: Date | number): string => longDay().format(date);
/** A date in words: "December 4, 2026". */
export const formatLongDate = (date: Date | number): string => longDate().format(date);
/** The exact moment: "Friday, December 4, 2026 at 2:05:09 PM". */
export const formatExactTime = (date: Date | number): string => exactTime().format(date);
/** A time of day to the second: "02:05:09 PM". */
export const formatClockTime = (date: Date | number): string => clockTime().format(date);
/** A calendar month of UTC, as the audit queries count them: "Dec 2026". */
export const formatUtcMonth = (date: Date | number): string => utcMonth().format(date);
/** "3 minutes ago", "yesterday". */
export const formatRelative = (value: number, unit: Intl.RelativeTimeFormatUnit): string =>
  relative().format(value, unit);
/** A count for people: "2,316". */
export const formatNumber = (count: number): string => numbers().format(count);
/** A list in words: "Home, EMEA, and Americas" (en-US), "Home, EMEA und Americas", "Home、EMEA、Americas". */
export const formatList = (items: readonly string[]): string => lists().format(items);
/** Names (and other words) in the order people expect, letters' case and accents aside. */
export const compareNames = (a: string, b: string): number => names().compare(a, b);

/** A language's name in that language ("Deutsch", "日本語"), as a list of languages shows it. */
export const languageName = (language: UiLanguage): string =>
  new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;

/** `<html lang>` in step with the locale (screen readers and hyphenation read it). */
export const applyDocumentLocale = (): void => {
  if (typeof document !== 'undefined') document.documentElement.lang = LOCALE;
};
