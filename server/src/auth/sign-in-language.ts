/**
 * The language of the sign-in, sign-out and error pages: the console's languages (src/lib/locale.ts,
 * UI_LANGUAGES; src/lib/__tests__/languages.parity.test.ts keeps the two in step), chosen per request from
 *   1. the authorization request's `ui_locales` (OpenID Connect Core §3.1.2.1: space-separated BCP 47
 *      tags, most wanted first; the console sends its own locale there), the first one spoken here, else
 *   2. the `Accept-Language` header (RFC 9110 §12.5.4: by q-value, then in order; q=0 is "not this one"),
 *      the first one spoken here, else
 *   3. English.
 * A regional variant is its language (`de-AT` → `de`, `en-GB` → `en`); Portuguese of any region is the
 * Brazilian Portuguese the pages are written in (`pt-PT` → `pt-BR`). Tags that are not valid are passed over.
 */

export const SIGN_IN_LANGUAGES = ['en', 'es', 'de', 'ja', 'pt-BR'] as const;
export type SignInLanguage = (typeof SIGN_IN_LANGUAGES)[number];

export const DEFAULT_SIGN_IN_LANGUAGE: SignInLanguage = 'en';

/** More tags than any browser or console sends are not looked at. */
const MAX_TAGS = 20;

/** The language a BCP 47 tag is spoken in here: `de-AT` → `de`, `pt-PT` → `pt-BR`, `fr` or `x!` → none. */
export function signInLanguageOf(tag: string): SignInLanguage | undefined {
  let language: string;
  try {
    language = new Intl.Locale(tag).language;
  } catch {
    return undefined;
  }
  return SIGN_IN_LANGUAGES.find((spoken) => spoken === language || spoken.startsWith(`${language}-`));
}

/** The tags of an `Accept-Language` header, most wanted first (`*` and q=0 left out). */
export function acceptedTags(header: string | undefined): string[] {
  if (!header) return [];
  const ranges: { tag: string; q: number; order: number }[] = [];
  for (const [order, part] of header.split(',').slice(0, MAX_TAGS).entries()) {
    const [tag = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    if (!tag || tag === '*') continue;
    let q = 1;
    for (const parameter of parameters) {
      const match = /^q\s*=\s*([0-9.]+)$/i.exec(parameter);
      if (match) q = Number(match[1]);
    }
    if (!(q > 0 && q <= 1)) continue;
    ranges.push({ tag, q, order });
  }
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order).map((range) => range.tag);
}

/** The pages' language for a request's `ui_locales` parameter and `Accept-Language` header. */
export function chooseSignInLanguage(
  uiLocales: string | undefined,
  acceptLanguage: string | string[] | undefined,
): SignInLanguage {
  const requested = (uiLocales ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_TAGS);
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  for (const tag of [...requested, ...acceptedTags(header)]) {
    const language = signInLanguageOf(tag);
    if (language) return language;
  }
  return DEFAULT_SIGN_IN_LANGUAGE;
}
