/**
 * The sign-in pages speak the console's languages: chosen from the authorize request's `ui_locales`, then
 * `Accept-Language` (by q-value), else English; regional variants map to their language; the choice is
 * carried through the form post; `<html lang>` says which. English is what it always was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitInWords } from '../../src/auth/lockout.js';
import { acceptedTags, chooseSignInLanguage, SIGN_IN_LANGUAGES } from '../../src/auth/sign-in-language.js';
import { lockedMessage, signedOutPage, signInPage } from '../../src/auth/sign-in-page.js';
import { SIGN_IN_WORDS, waitIn } from '../../src/auth/sign-in-words.js';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { pkcePair, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let callback: string;

beforeAll(async () => {
  server = await startServer();
  callback = `${server.url}/auth/callback`;
});
afterAll(() => server.close());

const authorizeParams = (overrides: Record<string, string> = {}): Record<string, string> => ({
  client_id: 'groups-console',
  response_type: 'code',
  redirect_uri: callback,
  state: 'st-lang',
  code_challenge: pkcePair().challenge,
  code_challenge_method: 'S256',
  ...overrides,
});

const getAuthorize = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/oauth/authorize?${new URLSearchParams(params)}`, { redirect: 'manual', headers });

const postAuthorize = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/oauth/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });

/** The hidden fields of the page's form, as the browser would post them. */
const hiddenFields = (html: string): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[match[1] as string] = (match[2] as string).replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return fields;
};

const htmlLang = (html: string): string | undefined => /<html lang="([^"]*)">/.exec(html)?.[1];

describe('choosing the language', () => {
  it('takes the first ui_locales tag spoken here, then Accept-Language, else English', () => {
    expect(chooseSignInLanguage('de', undefined)).toBe('de');
    expect(chooseSignInLanguage('fr-CA  ja es', undefined)).toBe('ja');
    expect(chooseSignInLanguage('es', 'de')).toBe('es');
    expect(chooseSignInLanguage('fr', 'de-CH, en;q=0.5')).toBe('de');
    expect(chooseSignInLanguage(undefined, undefined)).toBe('en');
    expect(chooseSignInLanguage('', 'fr, it;q=0.9')).toBe('en');
    expect(chooseSignInLanguage('not_a tag!', 'x@y')).toBe('en');
  });

  it('maps regional variants to their language', () => {
    expect(chooseSignInLanguage('de-AT', undefined)).toBe('de');
    expect(chooseSignInLanguage('pt-PT', undefined)).toBe('pt-BR');
    expect(chooseSignInLanguage('pt', undefined)).toBe('pt-BR');
    expect(chooseSignInLanguage('en-GB', 'de')).toBe('en');
    expect(chooseSignInLanguage('es-419', undefined)).toBe('es');
    expect(chooseSignInLanguage('JA-jp', undefined)).toBe('ja');
    expect(chooseSignInLanguage('en-XA', undefined)).toBe('en');
  });

  it('orders Accept-Language by q-value, keeps the order among equals and leaves out q=0 and *', () => {
    expect(acceptedTags('fr;q=0.2, ja;q=0.8, de, *;q=0.1')).toEqual(['de', 'ja', 'fr']);
    expect(acceptedTags('es;q=0.5, pt-BR;q=0.5')).toEqual(['es', 'pt-BR']);
    expect(acceptedTags('de;q=0, ja')).toEqual(['ja']);
    expect(chooseSignInLanguage(undefined, 'fr, de;q=0.7, ja;q=0.9')).toBe('ja');
    expect(chooseSignInLanguage(undefined, 'de;q=0, es;q=0.3')).toBe('es');
    expect(chooseSignInLanguage(undefined, ['ja;q=0.4', 'pt-PT;q=0.6'])).toBe('pt-BR');
  });
});

describe('the words', () => {
  it('has every message in every language', () => {
    const keys = Object.keys(SIGN_IN_WORDS.en).sort();
    for (const language of SIGN_IN_LANGUAGES) expect(Object.keys(SIGN_IN_WORDS[language]).sort()).toEqual(keys);
  });

  it('says the wait as lockout.ts does in English, with the plural of each language', () => {
    for (const seconds of [1, 2, 30, 59, 60, 61, 119, 120, 300, 900, 3600, 86_400])
      expect(waitIn('en', seconds)).toBe(waitInWords(seconds));
    expect(waitIn('de', 60)).toBe('1 Minute');
    expect(waitIn('de', 300)).toBe('5 Minuten');
    expect(waitIn('es', 1)).toBe('1 segundo');
    expect(waitIn('pt-BR', 45)).toBe('45 segundos');
    expect(waitIn('ja', 900)).toBe('15分');
    expect(lockedMessage(60)).toBe(
      'Too many failed sign-in attempts. Sign-in is paused for your security: try again in 1 minute.',
    );
    expect(lockedMessage(300, 'de')).toContain('Versuchen Sie es in 5 Minuten erneut.');
    expect(lockedMessage(30, 'ja')).toContain('30秒後にもう一度お試しください。');
  });

  it('escapes the client name inside the translated words and sets it in bold', () => {
    const html = signInPage({ clientName: '<Console & co>', params: {}, language: 'ja' });
    expect(html).toContain('<p class="client"><strong>&lt;Console &amp; co&gt;</strong> に移動</p>');
  });

  it('keeps the English pages as they were', () => {
    const html = signInPage({ clientName: 'Groups Console', params: {} });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Sign in · Groups Console</title>');
    expect(html).toContain('<h1>Sign in</h1>\n<p class="client">to continue to <strong>Groups Console</strong></p>');
    expect(signedOutPage()).toContain(
      '<h1>Signed out</h1>\n<p>You have signed out. This browser no longer remembers your sign-in.</p>',
    );
  });
});

describe('the sign-in page over HTTP', () => {
  it('is in German for ui_locales=de', async () => {
    const res = await getAuthorize(authorizeParams({ ui_locales: 'de' }), { 'Accept-Language': 'en-US' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(htmlLang(html)).toBe('de');
    expect(html).toContain('<title>Anmelden · Groups Console</title>');
    expect(html).toContain('<h1>Anmelden</h1>');
    expect(html).toContain('<label for="email">E-Mail</label>');
    expect(html).toContain('<label for="password">Passwort</label>');
    expect(html).toContain('<button type="submit">Anmelden</button>');
    expect(html).toContain('<input type="hidden" name="ui_locales" value="de">');
  });

  it('is in Japanese for Accept-Language: ja', async () => {
    const res = await getAuthorize(authorizeParams(), { 'Accept-Language': 'fr;q=0.9, ja-JP, en;q=0.5' });
    const html = await res.text();
    expect(htmlLang(html)).toBe('ja');
    expect(html).toContain('<h1>サインイン</h1>');
    expect(html).toContain('<label for="email">メールアドレス</label>');
    expect(html).toContain('<label for="password">パスワード</label>');
  });

  it('is in Brazilian Portuguese for pt-PT', async () => {
    for (const res of [
      await getAuthorize(authorizeParams({ ui_locales: 'pt-PT' })),
      await getAuthorize(authorizeParams(), { 'Accept-Language': 'pt-PT,pt;q=0.9' }),
    ]) {
      const html = await res.text();
      expect(htmlLang(html)).toBe('pt-BR');
      expect(html).toContain('<h1>Entrar</h1>');
      expect(html).toContain('<label for="password">Senha</label>');
    }
  });

  it('is in English without ui_locales or Accept-Language, or with neither spoken here', async () => {
    for (const res of [
      await getAuthorize(authorizeParams()),
      await getAuthorize(authorizeParams({ ui_locales: 'fr-FR' }), { 'Accept-Language': 'it, nl;q=0.8' }),
    ]) {
      const html = await res.text();
      expect(htmlLang(html)).toBe('en');
      expect(html).toContain('<h1>Sign in</h1>');
      expect(html).toContain('<button type="submit">Sign in</button>');
    }
  });

  it('keeps the language through a failed sign-in: the wrong-password page is in it too', async () => {
    const page = await (await getAuthorize(authorizeParams({ ui_locales: 'de-AT en' }))).text();
    const form: Record<string, string> = {
      ...hiddenFields(page),
      email: PERSONAS.admin.email,
      password: 'not-the-password',
    };
    expect(form.ui_locales).toBe('de-AT en');
    // The browser's own languages do not override the console's choice.
    const res = await postAuthorize(form, { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(htmlLang(html)).toBe('de');
    expect(html).toContain('<p role="alert" id="sign-in-error">Die E-Mail-Adresse oder das Passwort ist falsch.</p>');
    expect(html).toContain('<input type="hidden" name="ui_locales" value="de-AT en">');
    // And the right password still signs in.
    const ok = await postAuthorize({ ...form, password: 'demo' });
    expect(ok.status).toBe(302);
    expect(new URL(ok.headers.get('location') as string).searchParams.get('code')).toBeTruthy();
  });

  it('answers a wrong password in the Accept-Language language when the form carries no ui_locales', async () => {
    const res = await postAuthorize(
      { ...authorizeParams(), email: 'nobody@example.com', password: 'x' },
      { 'Accept-Language': 'es-MX' },
    );
    const html = await res.text();
    expect(htmlLang(html)).toBe('es');
    expect(html).toContain('El correo electrónico o la contraseña no son correctos.');
  });

  it('shows the error and signed-out pages in the chosen language', async () => {
    const unknown = await getAuthorize(authorizeParams({ client_id: 'nobody', ui_locales: 'ja' }));
    expect(unknown.status).toBe(400);
    const unknownHtml = await unknown.text();
    expect(htmlLang(unknownHtml)).toBe('ja');
    expect(unknownHtml).toContain('<h1>不明なアプリケーション</h1>');
    expect(unknownHtml).toContain('アプリケーション「nobody」は');

    const badRedirect = await getAuthorize(authorizeParams({ redirect_uri: 'https://evil.example/cb' }), {
      'Accept-Language': 'es',
    });
    expect(await badRedirect.text()).toContain('El URI de redirección «https://evil.example/cb» no está registrado');

    const signedOut = await fetch(`${server.url}/logout`, { headers: { 'Accept-Language': 'de-DE' } });
    const signedOutHtml = await signedOut.text();
    expect(htmlLang(signedOutHtml)).toBe('de');
    expect(signedOutHtml).toContain('<h1>Abgemeldet</h1>');

    const logoutError = await fetch(
      `${server.url}/logout?${new URLSearchParams({ client_id: 'nobody', redirect_uri: callback, ui_locales: 'pt-BR' })}`,
    );
    expect(logoutError.status).toBe(400);
    expect(await logoutError.text()).toContain('O aplicativo “nobody” não está registrado. Você saiu.');
  });

  it('tells a locked sign-in when to try again in the chosen language', async () => {
    const form = { ...authorizeParams({ ui_locales: 'ja' }), email: 'locked-out@example.com', password: 'x' };
    let res = await postAuthorize(form);
    for (let attempt = 1; attempt < 10 && res.status !== 429; attempt++) res = await postAuthorize(form);
    expect(res.status).toBe(429);
    const html = await res.text();
    expect(htmlLang(html)).toBe('ja');
    expect(html).toContain('1分後にもう一度お試しください。');
  });
});
