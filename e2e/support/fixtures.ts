import { test as base, expect, type Locator, type Page, type Request } from '@playwright/test';
import { loginWithPassword } from '../../server/test/support/sign-in';
import { DEMO_GROUPS, PERSONA_PASSWORD, PERSONAS, type PersonaKey } from './data';

export { expect };
export { assertNoSeriousA11yViolations } from './a11y';

/**
 * Console messages that are not bugs: the browser logs every 4xx answer as a failed resource, and
 * the console gets 401/403/404/409 on purpose (expired sessions, permission checks, deleted groups,
 * version conflicts). Anything else logged as an error, and every uncaught page error, fails the test.
 */
const ALLOWED_CONSOLE_ERRORS: readonly RegExp[] = [
  /Failed to load resource: the server responded with a status of (401|403|404|409)/,
];

interface Fixtures {
  /** More console errors a test expects (e.g. a 500 it provokes); set with `test.use({ allowedConsoleErrors: [...] })`. */
  allowedConsoleErrors: RegExp[];
  consoleGuard: void;
  trafficWatch: void;
}

/** A page's requests under way (started, not yet finished or failed), and when that last changed. */
interface Traffic {
  underWay: Set<Request>;
  changedAt: number;
}
const traffic = new WeakMap<Page, Traffic>();

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ page, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      const allowed = [...ALLOWED_CONSOLE_ERRORS, ...allowedConsoleErrors];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = `${message.text()} (${message.location().url})`;
        if (!allowed.some((re) => re.test(text))) problems.push(`console.error: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use();
      expect(problems, 'the page logged unexpected errors').toEqual([]);
    },
    { auto: true },
  ],
  // Every request of the test's page, from its start, for waitForNetworkQuiet.
  trafficWatch: [
    async ({ page }, use) => {
      const watched: Traffic = { underWay: new Set(), changedAt: Date.now() };
      traffic.set(page, watched);
      const started = (request: Request) => {
        watched.underWay.add(request);
        watched.changedAt = Date.now();
      };
      const ended = (request: Request) => {
        watched.underWay.delete(request);
        watched.changedAt = Date.now();
      };
      page.on('request', started);
      page.on('requestfinished', ended);
      page.on('requestfailed', ended);
      await use();
    },
    { auto: true },
  ],
});

/**
 * Waits until the test's page has had no request under way for `quietMs`. Not
 * `waitForLoadState('networkidle')`: that is the document's load going quiet, and once it has, it answers
 * at once, whatever the page asks for after (a catch-up read, a refetch, the work left for idle time).
 */
export const waitForNetworkQuiet = async (page: Page, quietMs = 500): Promise<void> => {
  const watched = traffic.get(page);
  if (!watched) throw new Error('waitForNetworkQuiet watches the page of the test fixture only');
  await expect
    .poll(() => watched.underWay.size === 0 && Date.now() - watched.changedAt >= quietMs, {
      message: `no request under way for ${quietMs} ms`,
      intervals: [100],
    })
    .toBe(true);
};

/**
 * Signs in as `persona` and waits for the console to show `path` signed in. The sign-in itself is the
 * one the console does (authorization code + PKCE against the embedded server), run in Node; its token
 * goes into this tab's session as the console stores it, so the test starts on `path` without loading
 * the console twice and the sign-in page once. The sign-in page itself is tested by
 * auth/sign-in.spec.ts with `signInThroughPage`.
 */
export const signIn = async (page: Page, persona: PersonaKey, path = '/groups'): Promise<void> => {
  // Any page of the server's origin gives the tab its sessionStorage; /healthz is the smallest.
  await page.goto('/healthz');
  const origin = new URL(page.url()).origin;
  const { accessToken, expiresIn } = await loginWithPassword(origin, PERSONAS[persona].email, PERSONA_PASSWORD);
  await page.evaluate(({ key, session }) => sessionStorage.setItem(key, JSON.stringify(session)), {
    key: SESSION_KEY,
    session: { accessToken, expiresAt: Date.now() + expiresIn * 1000, issuedAt: Date.now(), afterUnauthorized: false },
  });
  await page.goto(path);
  await assertSignedInAt(page, path);
};

/**
 * Signs in through the embedded server's real sign-in page (PKCE) and waits for the console to
 * show `path`. sessionStorage is per tab and not kept by storageState, so a test signs in in its tab.
 */
export const signInThroughPage = async (page: Page, persona: PersonaKey, path = '/groups'): Promise<void> => {
  // Pages that work without a session do not start sign-in: sign in on the groups page first.
  const start = PAGES_WITHOUT_SIGN_IN.includes(new URL(path, 'http://x').pathname) ? '/groups' : path;
  await page.goto(start);
  await page.waitForURL(/\/oauth\/authorize/);
  await page.getByLabel('Email').fill(PERSONAS[persona].email);
  await page.getByLabel('Password').fill(PERSONA_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await assertSignedInAt(page, start);
  if (start !== path) {
    await page.goto(path);
    await assertSignedInAt(page, path);
  }
};

const PAGES_WITHOUT_SIGN_IN = ['/settings', '/signed-out'];

/** Signs in as the admin on the group list searched for the small demo group; answers the groups table once its row shows. */
export const openSmallGroupInList = async (page: Page): Promise<Locator> => {
  await signIn(page, 'admin', '/groups?q=Onboarding');
  const groups = page.getByRole('table', { name: 'Groups' });
  await expect(groups.getByRole('link', { name: DEMO_GROUPS.small.name })).toBeVisible();
  return groups;
};

/**
 * Goes to `path` inside the running console through its router's history, as the console's own links do,
 * instead of loading the console again (`page.goto`): a test that visits many screens in one session pays
 * for one start. The history entry is the router's shape, so Back works as after a link. Not for a page
 * with unsaved changes (its guard would hold the navigation) or for testing what a fresh load restores.
 */
export const navigateInApp = async (page: Page, path: string): Promise<void> => {
  await page.evaluate((to) => {
    const index = ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1;
    window.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx: index }, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
  await waitForPath(page, path);
};

/** Where the console keeps its session (per tab) when signed in to the embedded server. */
export const SESSION_KEY = 'groups-console.session.embedded';

/** The access token of the page's session (which must exist). */
export const pageToken = async (page: Page): Promise<string> => {
  const token = await page.evaluate(
    (key) => (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { accessToken?: string }).accessToken,
    SESSION_KEY,
  );
  expect(token, 'the page has a signed-in session').toBeTruthy();
  return token!;
};

/** Waits until the page's address is `path` (pathname and search). */
const waitForPath = async (page: Page, path: string): Promise<void> => {
  const expected = new URL(path, 'http://x');
  await page.waitForURL((url) => url.pathname === expected.pathname && url.search === expected.search);
};

/** The console shows `path` (pathname + search) with a signed-in header. */
export const assertSignedInAt = async (page: Page, path: string): Promise<void> => {
  await waitForPath(page, path);
  await expect(page.getByTestId('user-name')).toHaveText(/^(?!…$)\S/);
};

/**
 * Waits until the work the console leaves for idle time (tokens/me, the divisionspermitted questions) has
 * been asked and answered: a test that ends the session on the server must not race those requests.
 */
export const afterIdleWork = async (page: Page): Promise<void> => {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
  await waitForNetworkQuiet(page);
};
