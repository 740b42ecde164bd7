import { describe, expect, it } from 'vitest';
import { compareNames, DEFAULT_LOCALE, englishPluralCategory, formatNumber, LOCALE, resolveLocale } from '../locale';

describe('resolveLocale', () => {
  it('takes the first English variant the browser names, with its region', () => {
    expect(resolveLocale(['en-GB', 'en-US'])).toBe('en-GB');
    expect(resolveLocale(['de-DE', 'en-AU', 'en'])).toBe('en-AU');
  });

  it('reads a bare "en" as en-US', () => {
    expect(resolveLocale(['en'])).toBe('en-US');
  });

  it('answers en-US when the browser names no English, or nothing valid', () => {
    expect(resolveLocale(['de-DE', 'fr'])).toBe(DEFAULT_LOCALE);
    expect(resolveLocale([])).toBe(DEFAULT_LOCALE);
    expect(resolveLocale(['not a tag', 'en-IE'])).toBe('en-IE');
  });

  it('keeps a script and drops extensions', () => {
    expect(resolveLocale(['en-Latn-GB-u-ca-buddhist'])).toBe('en-Latn-GB');
  });
});

describe('the formatters', () => {
  it("use the page's locale (en-US here), and order names with case and accents aside", () => {
    expect(LOCALE).toBe('en-US');
    expect(formatNumber(96_895)).toBe('96,895');
    expect(compareNames('Émile Zola', 'emile zola')).toBe(0);
    expect(['bea', 'Ann', 'Çelik'].sort(compareNames)).toEqual(['Ann', 'bea', 'Çelik']);
  });

  it('choose English plural forms whatever the locale', () => {
    expect(englishPluralCategory(1)).toBe('one');
    expect(englishPluralCategory(0)).toBe('other');
  });
});
