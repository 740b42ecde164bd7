/**
 * The console's one locale, for every date, time, relative time, number and name order it shows.
 *
 * Formats follow the language the console's words are in, in the user's regional variant when the
 * browser names one: English words read "4 Dec 2026, 14:05" for en-GB and "Dec 4, 2026, 2:05 PM" for
 * en-US, never a German date inside an English sentence. The words are English only for now, so a
 * browser that prefers another language gets English in its first English variant, else en-US.
 */

/** The languages the console's words are written in. */
export const UI_LANGUAGES: readonly string[] = ['en'];

/** The locale when the browser names no variant of a language the console speaks. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * The first of the browser's `preferred` languages (most wanted first, as `navigator.languages`) that the
 * console speaks, as a BCP 47 tag (`en-GB`); `DEFAULT_LOCALE` when there is none. Tags that are not
 * valid are passed over.
 */
export const resolveLocale = (preferred: readonly string[]): string => {
  for (const tag of preferred) {
    let locale: Intl.Locale;
    try {
      locale = new Intl.Locale(tag);
    } catch {
      continue;
    }
    if (!UI_LANGUAGES.includes(locale.language)) continue;
    if (locale.region) return locale.baseName;
    // A bare "en" formats as en-US would: say so.
    return locale.language === 'en' ? DEFAULT_LOCALE : locale.language;
  }
  return DEFAULT_LOCALE;
};

const browserLanguages = (): readonly string[] => {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
};

/** The locale of this page, from the browser's languages. */
export const LOCALE = resolveLocale(browserLanguages());

/** Made on first use: a formatter takes ICU data to build, and the first screen needs few of them. */
const lazily = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
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
// The words' language, not the locale's: which form of a counted English word.
const englishPlurals = lazily(() => new Intl.PluralRules('en'));

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
/** A count for people: "2,316" (plural.ts puts the words to it). */
export const formatNumber = (count: number): string => numbers().format(count);
/** Names (and other words) in the order people expect, letters' case and accents aside. */
export const compareNames = (a: string, b: string): number => names().compare(a, b);
/** `one` or `other` (or another CLDR category) for a count of English words. */
export const englishPluralCategory = (count: number): Intl.LDMLPluralRule => englishPlurals().select(count);

/** `<html lang>` in step with the locale (screen readers and hyphenation read it). */
export const applyDocumentLocale = (): void => {
  if (typeof document !== 'undefined') document.documentElement.lang = LOCALE;
};
