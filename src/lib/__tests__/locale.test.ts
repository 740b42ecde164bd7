import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_LANGUAGE_STORAGE_KEY,
  compareNames,
  DEFAULT_LOCALE,
  formatNumber,
  languageName,
  LOCALE,
  preferredLanguage,
  rememberAccountLanguage,
  resolveLocale,
  setChosenLanguage,
  setDeploymentLanguage,
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

describe("the page's language", () => {
  it('is the choice in Settings, else the Genesys account’s, else the deployment’s default', () => {
    expect(preferredLanguage('ja', 'de', 'es')).toBe('ja');
    expect(preferredLanguage(undefined, 'de', 'es')).toBe('de');
    expect(preferredLanguage(undefined, undefined, 'es')).toBe('es');
    expect(preferredLanguage(undefined, undefined, undefined)).toBeUndefined();
  });

  it('follows the deployment’s default once config.json is read, and the account’s language over it', () => {
    try {
      setDeploymentLanguage('de');
      expect(LOCALE).toBe('de');
      expect(UI_LANGUAGE).toBe('de');
      expect(formatNumber(96_895)).toBe('96.895');
      // The account's own language ("pt-br" as Genesys Cloud writes it) changes the page's: it reloads.
      expect(rememberAccountLanguage('pt-br')).toBe(true);
      expect(localStorage.getItem(ACCOUNT_LANGUAGE_STORAGE_KEY)).toBe('pt-BR');
      // Read again after the reload: the same, so no further reload.
      setDeploymentLanguage('de');
      expect(LOCALE).toBe('pt-BR');
      expect(rememberAccountLanguage('pt-br')).toBe(false);
      // A language the console does not speak, or none, is not kept.
      expect(rememberAccountLanguage('fr')).toBe(true);
      expect(localStorage.getItem(ACCOUNT_LANGUAGE_STORAGE_KEY)).toBeNull();
      // A choice in Settings (which reloads the page) outranks both.
      setChosenLanguage('ja');
      setDeploymentLanguage('de');
      expect(LOCALE).toBe('ja');
      expect(rememberAccountLanguage('es')).toBe(false);
    } finally {
      localStorage.removeItem(ACCOUNT_LANGUAGE_STORAGE_KEY);
      setChosenLanguage(undefined);
      setDeploymentLanguage(undefined);
    }
    expect(LOCALE).toBe('en-US');
    expect(formatNumber(96_895)).toBe('96,895');
  });
});
