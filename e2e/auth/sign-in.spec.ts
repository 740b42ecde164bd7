import { PERSONAS, type PersonaKey } from '../support/data';
import {
  afterIdleWork,
  assertSignedInAt,
  expect,
  pageToken,
  SESSION_KEY,
  signInThroughPage,
  test,
  waitForNetworkQuiet,
} from '../support/fixtures';
import { apiWithToken } from '../support/api';

const ALL_STAFF = '9c3d4e5f-0001-4b00-9a00-000000000001';

test.describe('sign-in with PKCE', () => {
  for (const persona of Object.keys(PERSONAS) as PersonaKey[]) {
    test(`${persona} signs in and lands on the page asked for`, async ({ page }) => {
      const wanted = `/groups/${ALL_STAFF}`;
      await signInThroughPage(page, persona, wanted);
      await expect(page.getByTestId('user-name')).toHaveText(PERSONAS[persona].name);
      await expect(page.getByTestId('org-name')).toHaveText('Groups Demo Org');
      await expect(page.getByTestId('environment')).toHaveText('Embedded server');
      // The code and state are gone from the address bar and from history; Back onto the sign-in, which
      // remembers the browser, comes straight back.
      expect(page.url()).not.toContain('code=');
      await page.goBack();
      await assertSignedInAt(page, wanted);
      expect(page.url()).not.toContain('/auth/callback');
    });
  }

  test('a query string survives the round trip', async ({ page }) => {
    await signInThroughPage(page, 'admin', '/groups?q=care&page=2');
  });

  test.describe('with a wrong password', () => {
    // The sign-in page answers a failed attempt with a 400 page.
    test.use({ allowedConsoleErrors: [/status of 400 .*\/oauth\/authorize/] });

    test('stays on the sign-in page', async ({ page }) => {
      await page.goto('/groups');
      await page.waitForURL(/\/oauth\/authorize/);
      await page.getByLabel('Email').fill('admin@example.com');
      await page.getByLabel('Password').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
    });
  });
});

test.describe('sign-out', () => {
  test('revokes the token and shows the signed-out page without redirecting', async ({ page, baseURL }) => {
    await signInThroughPage(page, 'editor');
    const token = await pageToken(page);

    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    await expect(page).toHaveURL(/\/signed-out$/);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
    // The server no longer accepts the old token.
    await expect(apiWithToken(token, baseURL!).get('/api/v2/tokens/me')).rejects.toMatchObject({ status: 401 });
    // No automatic redirect: still here after the app had every chance to move.
    await waitForNetworkQuiet(page);
    await expect(page).toHaveURL(/\/signed-out$/);

    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL(/\/oauth\/authorize/);
    await expect(page.getByLabel('Email')).toBeVisible();
  });
});

test.describe('an expired session', () => {
  test('goes through sign-in once, without the form while the browser is remembered, and comes back to the same URL', async ({
    page,
  }) => {
    await signInThroughPage(page, 'admin');
    // The idle-time requests are answered first: with the token below, one of them could start sign-in.
    await afterIdleWork(page);
    const wanted = `/groups/${ALL_STAFF}`;
    // The token stops working on the server side, as an expired one does.
    await page.evaluate((key) => {
      const session = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...session, accessToken: 'expired-or-revoked-token' }));
    }, SESSION_KEY);

    const authorizeVisits: string[] = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest() && new URL(r.url()).pathname === '/oauth/authorize' && r.method() === 'GET') {
        authorizeVisits.push(r.url());
      }
    });

    await page.goto(wanted);
    await assertSignedInAt(page, wanted);
    expect(authorizeVisits).toHaveLength(1);
    await expect(page.getByLabel('Password')).toHaveCount(0);
  });

  test('a 401 during an in-app navigation comes back to where the user was going', async ({ page, context }) => {
    await signInThroughPage(page, 'admin', '/settings');
    // The requests the console leaves for idle time are answered first: with the bogus token below, one
    // of them would start sign-in before the navigation this test makes.
    await afterIdleWork(page);
    // The sign-in page no longer remembers this browser either: it asks for the password.
    await context.clearCookies();
    await page.evaluate((key) => {
      const session = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...session, accessToken: 'bogus' }));
    }, SESSION_KEY);
    // The groups page's loader gets 401: sign-in starts, remembering the page being opened.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups', exact: true }).click();
    await page.waitForURL(/\/oauth\/authorize/);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await assertSignedInAt(page, '/groups');
  });
});
