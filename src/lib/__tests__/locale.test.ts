import { describe, expect, it } from 'vitest';
import {
  compareNames,
  DEFAULT_LOCALE,
  formatNumber,
  languageName,
  LOCALE,
  resolveLocale,
  UI_LANGUAGE,
  uiLanguageOf,
} from '../locale';

describe('resolveLocale', () => {
  it('takes the first language the console speaks that the browser names, with its region', () => {
    expect(resolveLocale(['en-GB', 'en-US'])).toBe('en-GB');
    expect(resolveLocale(['fr-FR', 'de-AT', 'en'])).toBe('de-AT');
    expect(resolveLocale(['pt-PT'])).toBe('pt-PT');
  });

  it('reads a bare language as its catalogue variant: "en" as en-US, "pt" as pt-BR', () => {
    expect(resolveLocale(['en'])).toBe('en-US');
    expect(resolveLocale(['pt'])).toBe('pt-BR');
    expect(resolveLocale(['ja'])).toBe('ja');
  });

  it('answers en-US when the browser names no language the console speaks, or nothing valid', () => {
    expect(resolveLocale(['fr-FR', 'it'])).toBe(DEFAULT_LOCALE);
    expect(resolveLocale([])).toBe(DEFAULT_LOCALE);
    expect(resolveLocale(['not a tag', 'en-IE'])).toBe('en-IE');
  });

  it('keeps a script and drops extensions', () => {
    expect(resolveLocale(['en-Latn-GB-u-ca-buddhist'])).toBe('en-Latn-GB');
  });

  it("puts a chosen language first, in the browser's variant of it when there is one", () => {
    expect(resolveLocale(['en-GB', 'de-CH'], 'de')).toBe('de-CH');
    expect(resolveLocale(['en-GB'], 'ja')).toBe('ja');
    expect(resolveLocale(['de-DE'], 'en')).toBe('en-US');
    expect(resolveLocale(['de-DE'], 'en-XA')).toBe('en-XA');
  });
});

describe('uiLanguageOf', () => {
  it("names the catalogue a locale's words come from", () => {
    expect(uiLanguageOf('de-AT')).toBe('de');
    expect(uiLanguageOf('pt-PT')).toBe('pt-BR');
    expect(uiLanguageOf('en-XA')).toBe('en-XA');
    expect(uiLanguageOf('fr')).toBeUndefined();
  });
});

describe('the formatters', () => {
  it("use the page's locale (en-US here), and order names with case and accents aside", () => {
    expect(LOCALE).toBe('en-US');
    expect(UI_LANGUAGE).toBe('en');
    expect(formatNumber(96_895)).toBe('96,895');
    expect(compareNames('Émile Zola', 'emile zola')).toBe(0);
    expect(['bea', 'Ann', 'Çelik'].sort(compareNames)).toEqual(['Ann', 'bea', 'Çelik']);
  });

  it('name each language in itself', () => {
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('ja')).toBe('日本語');
    expect(languageName('pt-BR')).toMatch(/^português/i);
  });
});
