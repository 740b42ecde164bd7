import { apiWithToken } from '../support/api';
import { expect, signInThroughPage } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';

/**
 * Where the access token and the authorization code go, and where they must not: the address bar,
 * persistent storage, cookies, the server's logs (at the chattiest usual level, info). Also the
 * console page's security headers and CORS for an origin that is not configured.
 */
const test = testWithOwnServer({ env: { LOG_LEVEL: 'info' } });
test.describe.configure({ mode: 'default' });

test('the token lives in sessionStorage only, is gone and refused after sign-out, and never reaches the logs', async ({
  page,
  context,
  ownServer,
}) => {
  const codes: string[] = [];
  const tokens: string[] = [];
  page.on('request', (request) => {
    const code = new URL(request.url()).searchParams.get('code');
    if (code) codes.push(code);
  });
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/oauth/token' || response.status() !== 200) return;
    const body = (await response.json()) as { access_token?: string };
    if (body.access_token) tokens.push(body.access_token);
  });

  await signInThroughPage(page, 'admin');
  await expect.poll(() => tokens.length).toBe(1);
  expect(codes.length, 'the authorization code came back through the browser').toBeGreaterThan(0);
  const token = tokens[0]!;

  // The address bar is clean.
  const url = new URL(page.url());
  for (const param of ['code', 'state', 'access_token', 'token', 'id_token'])
    expect(url.searchParams.has(param), param).toBe(false);
  expect(url.hash).not.toContain('access_token');
  expect(page.url()).not.toContain(token);

  // sessionStorage holds it; localStorage and cookies do not.
  const storage = () =>
    page.evaluate(() => ({
      session: Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k) ?? ''}`),
      local: Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k) ?? ''}`),
    }));
  const before = await storage();
  expect(before.session.some((entry) => entry.includes(token))).toBe(true);
  expect(before.local.filter((entry) => entry.includes(token))).toEqual([]);
  expect((await context.cookies()).filter((c) => c.value.includes(token) || c.name.includes(token))).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).not.toContain(token);

  // Sign out: the token leaves the browser, and the server refuses it.
  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  const after = await storage();
  expect([...after.session, ...after.local].filter((entry) => entry.includes(token))).toEqual([]);
  await expect(apiWithToken(token, ownServer.baseURL).get('/api/v2/tokens/me')).rejects.toMatchObject({
    status: 401,
  });

  // The server logged the requests (info level) but neither secret.
  const log = ownServer.output();
  expect(log).toContain('/auth/callback');
  expect(log.includes(token), 'the access token is in the server output').toBe(false);
  for (const code of codes) expect(log.includes(code), 'the authorization code is in the server output').toBe(false);
});

test('the console page carries a strict Content-Security-Policy and anti-framing headers', async ({ page }) => {
  const response = await page.goto('/signed-out');
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(csp).not.toContain("'unsafe-eval'");
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  const framing = directives.get('frame-ancestors')?.join(' ') === "'none'" || headers['x-frame-options'] === 'DENY';
  expect(framing, 'frame-ancestors or X-Frame-Options forbids framing').toBe(true);
});

test('CORS: an origin that is not configured gets no Access-Control-Allow-Origin', async ({ baseURL }) => {
  const preflight = await fetch(`${baseURL}/api/v2/groups`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://evil.example',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
  await preflight.body?.cancel();
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

  const simple = await fetch(`${baseURL}/api/v2/groups`, { headers: { Origin: 'http://evil.example' } });
  await simple.body?.cancel();
  expect(simple.status).toBe(401);
  expect(simple.headers.get('access-control-allow-origin')).toBeNull();
});
