// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chooseSignInLanguage, SIGN_IN_LANGUAGES, signInLanguageOf } from '../../../server/src/auth/sign-in-language';
import { uiLanguageOf, UI_LANGUAGES } from '../locale';

/**
 * The embedded server's sign-in pages speak the console's languages (server/src/auth/sign-in-language.ts
 * keeps its own list, the server being built apart from the console): the same languages, and a tag
 * maps to the same one on both sides, so a demo is in one language from sign-in to sign-out.
 */
describe('languages (console and sign-in pages)', () => {
  it('are the same languages', () => {
    expect([...SIGN_IN_LANGUAGES]).toEqual([...UI_LANGUAGES]);
  });

  it('map a tag to the same language', () => {
    const tags = ['en', 'en-GB', 'es-MX', 'de', 'de-AT', 'ja-JP', 'pt', 'pt-BR', 'pt-PT', 'fr', 'zh-Hant-TW', 'x!'];
    for (const tag of tags) expect(signInLanguageOf(tag), tag).toBe(uiLanguageOf(tag));
    // The locale the console sends (ui_locales) picks its own language's pages.
    for (const language of UI_LANGUAGES) expect(chooseSignInLanguage(language, 'ja')).toBe(language);
  });
});
