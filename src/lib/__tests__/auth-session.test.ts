import { afterEach, describe, expect, it } from 'vitest';
import { completeSignIn, getSession, logoutUrl, saveSession, SignInError } from '../auth';
import { getEnvironment, resolveEnvironment } from '../environment';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the login host’s sign-out', () => {
  it('goes to <login>/logout with the client id and the callback as the way back', () => {
    const url = new URL(logoutUrl(resolveEnvironment({ kind: 'genesys', region: 'eu_west_1', clientId: 'client-1' })));
    expect(url.origin + url.pathname).toBe('https://login.mypurecloud.ie/logout');
    expect(url.searchParams.get('client_id')).toBe('client-1');
    expect(url.searchParams.get('redirect_uri')).toBe(`${window.location.origin}/auth/callback`);
    // The signed-out page in the console's language.
    expect(url.searchParams.get('ui_locales')).toBe('en-US');
  });

  it('for the embedded server, on the origin that served the console', () => {
    const url = new URL(logoutUrl(getEnvironment()));
    expect(url.origin + url.pathname).toBe(`${window.location.origin}/logout`);
    expect(url.searchParams.get('client_id')).toBe('groups-console');
  });
});

describe('a callback with no sign-in pending', () => {
  const callback = new URL(`${window.location.origin}/auth/callback?code=fresh-code&state=other`);

  it('is refused in a tab that is not signed in', async () => {
    await expect(completeSignIn(callback)).rejects.toBeInstanceOf(SignInError);
  });

  it('in a signed-in tab (Back onto a remembered sign-in), returns to where that tab signed in to', async () => {
    saveSession({ accessToken: 'token-1', expiresAt: null, issuedAt: Date.now(), afterUnauthorized: false });
    sessionStorage.setItem('groups-console.signed-in-at', '/groups/abc?tab=members');
    await expect(completeSignIn(callback)).resolves.toBe('/groups/abc?tab=members');
    expect(getSession()?.accessToken).toBe('token-1');
  });

  it('never returns to another origin', async () => {
    saveSession({ accessToken: 'token-1', expiresAt: null, issuedAt: Date.now(), afterUnauthorized: false });
    sessionStorage.setItem('groups-console.signed-in-at', '//evil.example/');
    await expect(completeSignIn(callback)).resolves.toBe('/');
  });
});
