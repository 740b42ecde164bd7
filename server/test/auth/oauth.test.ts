/**
 * Sign-in over real HTTP: the authorization code flow with PKCE, the implicit grant, client
 * credentials, token info, revocation and expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { issueToken, loginWithPassword, pkcePair, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let callback: string;

beforeAll(async () => {
  server = await startServer();
  callback = `${server.url}/auth/callback`;
});
afterAll(() => server.close());

const authorizeParams = (overrides: Record<string, string | undefined> = {}) => {
  const { challenge } = pkcePair();
  const params: Record<string, string> = {};
  const all = {
    client_id: 'groups-console',
    response_type: 'code',
    redirect_uri: callback,
    state: 'st-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) params[k] = v;
  return params;
};

const getAuthorize = (params: Record<string, string>) =>
  fetch(`${server.url}/oauth/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });

const postAuthorize = (params: Record<string, string>, email: string, password: string) =>
  fetch(`${server.url}/oauth/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...params, email, password }),
    redirect: 'manual',
  });

const postToken = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });

/** Signs in through the form and returns the code from the redirect. */
async function codeFor(
  params: Record<string, string>,
  email = PERSONAS.admin.email,
  password = 'demo',
): Promise<string> {
  const res = await postAuthorize(params, email, password);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') as string);
  expect(location.origin + location.pathname).toBe(params.redirect_uri);
  expect(location.searchParams.get('state')).toBe(params.state);
  return location.searchParams.get('code') as string;
}

describe('the sign-in page', () => {
  it('shows a form with labelled Email and Password fields, a Sign in button and the client name', async () => {
    const res = await getAuthorize(authorizeParams());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toMatch(/<label for="email">Email<\/label>/);
    expect(html).toMatch(/<input id="email" name="email" type="email"/);
    expect(html).toMatch(/<label for="password">Password<\/label>/);
    expect(html).toMatch(/<input id="password" name="password" type="password"/);
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
    expect(html).toContain('Groups Console');
    expect(html).toContain('<html lang="en">');
  });

  it('escapes what it echoes', async () => {
    const res = await getAuthorize(authorizeParams({ state: '"><script>alert(1)</script>' }));
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('shows an error page, never a redirect, for an unknown client or an unregistered redirect URI', async () => {
    for (const params of [
      authorizeParams({ client_id: 'nobody' }),
      authorizeParams({ client_id: 'demo-admin' }),
      authorizeParams({ redirect_uri: 'https://evil.example/callback' }),
      authorizeParams({ redirect_uri: `${callback}#frag` }),
      authorizeParams({ redirect_uri: 'javascript:alert(1)' }),
      authorizeParams({ redirect_uri: undefined }),
    ]) {
      const res = await getAuthorize(params);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toMatch(/role="alert"/);
      const posted = await postAuthorize(params, PERSONAS.admin.email, 'demo');
      expect(posted.status).toBe(400);
      expect(posted.headers.get('location')).toBeNull();
    }
  });

  it('accepts the Vite dev server callbacks', async () => {
    for (const redirect of ['http://127.0.0.1:5173/auth/callback', 'http://localhost:5173/auth/callback']) {
      const res = await getAuthorize(authorizeParams({ redirect_uri: redirect }));
      expect(res.status).toBe(200);
    }
  });

  it('redirects RFC 6749 errors to a registered redirect URI', async () => {
    const unsupported = await getAuthorize(authorizeParams({ response_type: 'id_token' }));
    expect(unsupported.status).toBe(302);
    const location = new URL(unsupported.headers.get('location') as string);
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('state')).toBe('st-123');

    const noPkce = await getAuthorize(authorizeParams({ code_challenge: undefined, code_challenge_method: undefined }));
    expect(noPkce.status).toBe(302);
    expect(new URL(noPkce.headers.get('location') as string).searchParams.get('error')).toBe('invalid_request');

    const plain = await getAuthorize(authorizeParams({ code_challenge_method: 'plain' }));
    expect(new URL(plain.headers.get('location') as string).searchParams.get('error')).toBe('invalid_request');
  });

  it('shows the page again with an inline message for a wrong password or an unknown email, alike', async () => {
    const wrong = await postAuthorize(authorizeParams(), PERSONAS.admin.email, 'not-the-password');
    const unknown = await postAuthorize(authorizeParams(), 'nobody@example.com', 'demo');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const html = await res.text();
      expect(html).toContain('<p role="alert" id="sign-in-error">The email or password is incorrect.</p>');
      expect(html).toMatch(/<label for="password">Password<\/label>/);
    }
  });
});

describe('authorization code with PKCE', () => {
  it('signs in, exchanges the code for a token that works and names the user', async () => {
    const { verifier, challenge } = pkcePair();
    const params = authorizeParams({ code_challenge: challenge });
    const code = await codeFor(params, PERSONAS.editor.email);
    const res = await postToken({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: 'groups-console',
      redirect_uri: callback,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 86_400 });
    expect(body.access_token.length).toBeGreaterThanOrEqual(32);

    const me = await api('/api/v2/users/me', body.access_token);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(PERSONAS.editor.id);
  });

  it('rejects a wrong verifier, and the code cannot be used again afterwards', async () => {
    const { verifier, challenge } = pkcePair();
    const params = authorizeParams({ code_challenge: challenge });
    const code = await codeFor(params);
    const wrong = await postToken({
      grant_type: 'authorization_code',
      code,
      code_verifier: pkcePair().verifier,
      client_id: 'groups-console',
      redirect_uri: callback,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', code: 'bad.request', status: 400 });
    const retry = await postToken({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: 'groups-console',
      redirect_uri: callback,
    });
    expect(retry.status).toBe(400);
    expect(await retry.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects a reused code', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(authorizeParams({ code_challenge: challenge }));
    const form = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: 'groups-console',
      redirect_uri: callback,
    };
    expect((await postToken(form)).status).toBe(200);
    const again = await postToken(form);
    expect(again.status).toBe(400);
    const body = (await again.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid_grant');
    expect(body.message).toMatch(/already been used/);
  });

  it('rejects a code with another redirect URI, a missing verifier, or an unknown code', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(authorizeParams({ code_challenge: challenge }));
    const other = await postToken({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: 'groups-console',
      redirect_uri: `${server.url}/`,
    });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ error: 'invalid_grant' });
    const missing = await postToken({
      grant_type: 'authorization_code',
      code: 'x',
      client_id: 'groups-console',
      redirect_uri: callback,
    });
    expect(await missing.json()).toMatchObject({ error: 'invalid_request', status: 400 });
    const unknown = await postToken({
      grant_type: 'authorization_code',
      code: 'made-up',
      code_verifier: verifier,
      client_id: 'groups-console',
      redirect_uri: callback,
    });
    expect(await unknown.json()).toMatchObject({ error: 'invalid_grant' });
    const grant = await postToken({ grant_type: 'password', username: 'a', password: 'b' });
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type', status: 400 });
  });

  it('loginWithPassword goes through the whole flow', async () => {
    const result = await loginWithPassword(server.url, PERSONAS.owner.email, 'demo');
    expect(result.tokenType).toBe('bearer');
    const me = await api('/api/v2/users/me', result.accessToken);
    expect(((await me.json()) as { id: string }).id).toBe(PERSONAS.owner.id);
  });
});

describe('implicit grant', () => {
  it('redirects with the token in the fragment', async () => {
    const params = authorizeParams({
      response_type: 'token',
      code_challenge: undefined,
      code_challenge_method: undefined,
      state: 'imp',
    });
    const page = await getAuthorize(params);
    expect(page.status).toBe(200);
    const res = await postAuthorize(params, PERSONAS.supervisor.email, 'demo');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') as string);
    expect(location.search).toBe('');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('expires_in')).toBe('86400');
    expect(fragment.get('state')).toBe('imp');
    const token = fragment.get('access_token') as string;
    const info = await api('/api/v2/tokens/me', token);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ OAuthClient: { id: 'groups-console', name: 'Groups Console' } });
  });
});

describe('client credentials', () => {
  it('issues a token for the right secret (HTTP Basic) that carries the client’s permissions', async () => {
    const res = await postToken(
      { grant_type: 'client_credentials' },
      { Authorization: basic('demo-viewer', 'demo-viewer-secret') },
    );
    expect(res.status).toBe(200);
    const { access_token: token, token_type: type } = (await res.json()) as {
      access_token: string;
      token_type: string;
    };
    expect(type).toBe('bearer');
    const info = await api('/api/v2/tokens/me', token);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      organization: { id: expect.any(String), name: expect.any(String) },
      OAuthClient: { id: 'demo-viewer', authorizedGrantType: 'CLIENT-CREDENTIALS' },
      authorizedScope: ['users:readonly'],
    });
    // The viewer may not create groups.
    const create = await api('/api/v2/groups', token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Viewer group', type: 'official', visibility: 'public', rulesVisible: true }),
    });
    expect(create.status).toBe(403);
    // Client tokens cannot call user endpoints.
    expect((await api('/api/v2/users/me', token)).status).toBe(400);
  });

  it('answers 401 bad.credentials for a wrong secret or an unknown client', async () => {
    for (const auth of [basic('demo-admin', 'wrong'), basic('nobody', 'x'), basic('groups-console', '')]) {
      const res = await postToken({ grant_type: 'client_credentials' }, { Authorization: auth });
      expect(res.status).toBe(401);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 'bad.credentials', status: 401, error: 'invalid_client' });
      expect(body.contextId).toBe(res.headers.get('inin-correlation-id'));
    }
    const none = await postToken({ grant_type: 'client_credentials' });
    expect(none.status).toBe(401);
  });

  it('also accepts the secret in the form body', async () => {
    const res = await postToken({
      grant_type: 'client_credentials',
      client_id: 'demo-admin',
      client_secret: 'demo-admin-secret',
    });
    expect(res.status).toBe(200);
  });
});

describe('token lifetime and revocation', () => {
  it('rejects an expired token with 401 authentication.required', async () => {
    const expired = issueToken(server.app, { persona: 'admin', lifetimeSeconds: -1 });
    const res = await api('/api/v2/groups', expired);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'authentication.required' });
  });

  it('expires tokens after the configured lifetime', async () => {
    const short = await startServer({ seed: 'none', tokenLifetimeSeconds: 1 });
    try {
      const res = await fetch(`${short.url}/oauth/token`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: basic('demo-admin', 'demo-admin-secret'),
        },
        body: 'grant_type=client_credentials',
      });
      const { access_token: token, expires_in: expiresIn } = (await res.json()) as {
        access_token: string;
        expires_in: number;
      };
      expect(expiresIn).toBe(1);
      const auth = { headers: { Authorization: `Bearer ${token}` } };
      expect((await fetch(`${short.url}/api/v2/tokens/me`, auth)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await fetch(`${short.url}/api/v2/tokens/me`, auth)).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('revokes the caller’s token with DELETE /api/v2/tokens/me', async () => {
    const token = server.tokenFor('admin');
    const other = server.tokenFor('admin');
    const res = await api('/api/v2/tokens/me', token, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await api('/api/v2/tokens/me', token)).status).toBe(401);
    expect((await api('/api/v2/tokens/me', other)).status).toBe(200);
  });

  it('gives each persona a token with its own permissions', async () => {
    for (const persona of ['admin', 'editor', 'owner', 'supervisor'] as const) {
      const res = await api('/api/v2/users/me?expand=authorization', server.tokenFor(persona));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { id: string; authorization?: { permissions?: string[] } };
      expect(body.id).toBe(PERSONAS[persona].id);
      expect([...(body.authorization?.permissions ?? [])].sort()).toEqual([...PERSONAS[persona].permissions].sort());
    }
    expect((await api('/api/v2/tokens/me', server.clientToken('demo-admin'))).status).toBe(200);
  });
});
