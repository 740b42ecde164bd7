/**
 * The embedded server's own sign-in page (what a real org's login host shows), and its error page.
 * Plain, accessible HTML: labelled fields, inline error in an alert region, no scripts.
 */
import { waitInWords } from './lockout.js';

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

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
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
}

export function signInPage({ clientName, params, email = '', error }: SignInPageOptions): string {
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n  ');
  const alert = error ? `<p role="alert" id="sign-in-error">${escapeHtml(error)}</p>` : '';
  const describedBy = error ? ' aria-describedby="sign-in-error" aria-invalid="true"' : '';
  return layout(
    'Sign in · Groups Console',
    `<h1>Sign in</h1>
<p class="client">to continue to <strong>${escapeHtml(clientName)}</strong></p>
${alert}
<form method="post" action="/oauth/authorize">
  ${hidden}
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${describedBy}${email ? '' : ' autofocus'}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}${email ? ' autofocus' : ''}>
  <button type="submit">Sign in</button>
</form>`,
  );
}

/** What a locked account or address is told: when to try again, nothing about whether the account exists. */
export const lockedMessage = (seconds: number): string =>
  `Too many failed sign-in attempts. Sign-in is paused for your security: try again in ${waitInWords(seconds)}.`;

export function errorPage(title: string, message: string): string {
  return layout(
    `${title} · Groups Console`,
    `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`,
  );
}

/** What /logout shows when it is given no redirect URI. */
export function signedOutPage(): string {
  return layout(
    'Signed out · Groups Console',
    '<h1>Signed out</h1>\n<p>You have signed out. This browser no longer remembers your sign-in.</p>',
  );
}
