import { DEMO_GROUPS } from '../support/data';
import { apiWithToken } from '../support/api';
import { expect, openSmallGroupInList, pageToken, signIn } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';
import { memberTableRows } from '../support/members';

const test = testWithOwnServer();

// While the server is down every request fails to connect, and Chromium logs each failure; while it
// shuts down, it answers 503 and drops the connections it still has.
// (One pattern: Playwright reads an array whose second item is an object, a RegExp too, as [value, settings].)
test.use({
  allowedConsoleErrors: [/net::ERR_CONNECTION_(REFUSED|RESET)|the server responded with a status of 503 \(Service/],
});

// A test that failed half-way may have left this worker's server stopped.
test.beforeEach(async ({ ownServer }) => {
  if (!ownServer.running) await ownServer.restart();
});

test('the server goes away mid-session: the error offers "Try again", which recovers once it is back', async ({
  page,
  ownServer,
}) => {
  await signIn(page, 'admin', '/groups?q=Club');
  const groups = page.getByRole('table', { name: 'Groups' });
  // Open one group page first, so the page's code is loaded before the server goes away.
  await groups.getByRole('link', { name: DEMO_GROUPS.social.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.social.name })).toBeVisible();
  await page.goBack();
  await expect(groups.getByRole('link', { name: DEMO_GROUPS.socialMembersOnly.name })).toBeVisible();
  const token = await pageToken(page);

  await ownServer.stop();
  expect(ownServer.running).toBe(false);

  // An in-app navigation needs the group's data: the first load fails (after the console's retries).
  await groups.getByRole('link', { name: DEMO_GROUPS.socialMembersOnly.name }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${DEMO_GROUPS.socialMembersOnly.id}$`));
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('The server could not be reached. Check your connection and try again.')).toBeVisible();
  const tryAgain = page.getByRole('button', { name: 'Try again' });
  await expect(tryAgain).toBeVisible();
  // Still signed in: no trip to the sign-in page.
  await expect(page.getByTestId('user-name')).toHaveText('Avery Adams');

  // Back on the same port and data dir: the token (kept in the database) is still good.
  await ownServer.restart();
  await tryAgain.click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.socialMembersOnly.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeHidden();
  await expect(memberTableRows(page).first()).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/groups/${DEMO_GROUPS.socialMembersOnly.id}`);

  const tokenAfter = await pageToken(page);
  expect(tokenAfter, 'the session was kept, not replaced by a new sign-in').toBe(token);
  const me = await apiWithToken(token, ownServer.baseURL).get<{ owner?: { id?: string } }>('/api/v2/tokens/me');
  expect(me).toBeTruthy();
});

test('a page whose code could not be fetched while the server was down loads after "Try again"', async ({
  page,
  ownServer,
}) => {
  const groups = await openSmallGroupInList(page);

  await ownServer.stop();
  await groups.getByRole('link', { name: DEMO_GROUPS.small.name }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByText('This page of the console could not be loaded. Check your connection and try again.'),
  ).toBeVisible();

  await ownServer.restart();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.small.name })).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('Avery Adams');
});
