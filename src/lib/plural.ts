/**
 * Counted nouns in English: "1 owner", "2 owners", "1,234 members". The plural form is chosen by
 * Intl.PluralRules for the words' language, the number formatted in the console's locale (locale.ts).
 */
import { englishPluralCategory, formatNumber } from './locale';

/** A count for people: "2,316". */
export const formatCount = (count: number): string => formatNumber(count);

/** The noun's form for `count`: `one` when the language says singular, else `other`. */
export const pluralForm = (count: number, one: string, other: string): string =>
  englishPluralCategory(count) === 'one' ? one : other;

/** The count and its noun: `countOf(1, 'owner', 'owners')` → "1 owner", `countOf(2, …)` → "2 owners". */
export const countOf = (count: number, one: string, other: string): string =>
  `${formatCount(count)} ${pluralForm(count, one, other)}`;
