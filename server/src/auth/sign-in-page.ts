/**
 * The embedded server's own sign-in page (what a real org's login host shows), and its error page.
 * Plain, accessible HTML: labelled fields, inline error in an alert region, no scripts.
 * Each page is in the language it is given (sign-in-language.ts chooses it; the words are in
 * sign-in-words.ts), English when none is: `<html lang>` says which.
 */
import { DEFAULT_SIGN_IN_LANGUAGE, type SignInLanguage } from './sign-in-language.js';
import { SIGN_IN_WORDS, waitIn } from './sign-in-words.js';

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f1f3f5; color: #212529; }
  main { width: min(24rem, calc(100vw - 2rem)); background: #fff; border-radius: 8px; padding: 2rem; box-shadow: 0 1px 3px rgb(0 0 0 / 15%); }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  p.client { margin: 0 0 1.5rem; color: #495057; }
  label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: .55rem .65rem; border: 1px solid #adb5bd; border-radius: 4px; }
  input:focus-visible, button:focus-visible { outline: 3px solid #4dabf7; outline-offset: 2px; }
  button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 600; padding: .6rem; border: 0; border-radius: 4px; background: #1864ab; color: #fff; cursor: pointer; }
  [role=alert] { margin: 0 0 1rem; padding: .6rem .75rem; border-radius: 4px; background: #fff5f5; color: #c92a2a; border: 1px solid #ffc9c9; }
  /* Last, so the dark colours win over the light ones above. */
  @media (prefers-color-scheme: dark) { body { background: #1a1b1e; color: #e9ecef; } main { background: #25262b !important; } p.client { color: #adb5bd; } input { background: #1a1b1e; color: inherit; } }
`;

function layout(language: SignInLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface SignInPageOptions {
  clientName: string;
  /** The authorize request's parameters, carried through the form as hidden fields. */
  params: Record<string, string>;
  email?: string;
  error?: string;
  /** The page's language; English by default. */
  language?: SignInLanguage;
}

/** Stands for the client's name in `continueTo`, so that the words are escaped and the name is set in bold. */
const CLIENT_NAME = '\u0000';

export function signInPage({
  clientName,
  params,
  email = '',
  error,
  language = DEFAULT_SIGN_IN_LANGUAGE,
}: SignInPageOptions): string {
  const words = SIGN_IN_WORDS[language];
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n  ');
  const alert = error ? `<p role="alert" id="sign-in-error">${escapeHtml(error)}</p>` : '';
  const describedBy = error ? ' aria-describedby="sign-in-error" aria-invalid="true"' : '';
  const continueTo = escapeHtml(words.continueTo(CLIENT_NAME)).replace(
    CLIENT_NAME,
    `<strong>${escapeHtml(clientName)}</strong>`,
  );
  return layout(
    language,
    `${words.signIn} · Groups Console`,
    `<h1>${escapeHtml(words.signIn)}</h1>
<p class="client">${continueTo}</p>
${alert}
<form method="post" action="/oauth/authorize">
  ${hidden}
  <label for="email">${escapeHtml(words.email)}</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${describedBy}${email ? '' : ' autofocus'}>
  <label for="password">${escapeHtml(words.password)}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}${email ? ' autofocus' : ''}>
  <button type="submit">${escapeHtml(words.signIn)}</button>
</form>`,
  );
}

/** What a wrong password or an unknown email is told, alike. */
export const wrongCredentialsMessage = (language: SignInLanguage = DEFAULT_SIGN_IN_LANGUAGE): string =>
  SIGN_IN_WORDS[language].wrongCredentials;

/** What a locked account or address is told: when to try again, nothing about whether the account exists. */
export const lockedMessage = (seconds: number, language: SignInLanguage = DEFAULT_SIGN_IN_LANGUAGE): string =>
  SIGN_IN_WORDS[language].locked(waitIn(language, seconds));

export function errorPage(title: string, message: string, language: SignInLanguage = DEFAULT_SIGN_IN_LANGUAGE): string {
  return layout(
    language,
    `${title} · Groups Console`,
    `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`,
  );
}

/** /oauth/authorize for a client that is unknown or may not sign in in a browser. */
export function unknownApplicationPage(clientId: string, language: SignInLanguage = DEFAULT_SIGN_IN_LANGUAGE): string {
  const words = SIGN_IN_WORDS[language];
  return errorPage(words.unknownApplication, words.unknownApplicationMessage(clientId), language);
}

/** /oauth/authorize with a redirect URI the client has not registered. */
export function invalidRedirectPage(
  redirectUri: string,
  clientName: string,
  language: SignInLanguage = DEFAULT_SIGN_IN_LANGUAGE,
): string {
  const words = SIGN_IN_WORDS[language];
  return errorPage(words.invalidRedirect, words.invalidRedirectMessage(redirectUri, clientName), language);
}

/** What /logout shows when it is given no redirect URI. */
export function signedOutPage(language: SignInLanguage = DEFAULT_SIGN_IN_LANGUAGE): string {
  const words = SIGN_IN_WORDS[language];
  return layout(
    language,
    `${words.signedOut} · Groups Console`,
    `<h1>${escapeHtml(words.signedOut)}</h1>\n<p>${escapeHtml(words.signedOutMessage)}</p>`,
  );
}

/** What /logout shows when its redirect URI is not one of the client's, or the client is unknown. */
export function signedOutErrorPage(
  problem: { clientId: string } | { redirectUri: string; clientName: string },
  language: SignInLanguage = DEFAULT_SIGN_IN_LANGUAGE,
): string {
  const words = SIGN_IN_WORDS[language];
  const message =
    'redirectUri' in problem
      ? words.signedOutInvalidRedirect(problem.redirectUri, problem.clientName)
      : words.signedOutUnknownApplication(problem.clientId);
  return errorPage(words.signedOut, message, language);
}
