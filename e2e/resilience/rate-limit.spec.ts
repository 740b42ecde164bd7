import type { Page, Response } from '@playwright/test';
import { DEMO_GROUPS } from '../support/data';
import { expect, openSmallGroupInList, pageToken } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';

/**
 * The per-token limit of a dedicated server is low (the console's start-up requests fit easily);
 * the rest of the budget is spent from Node with the page's own token, so the console's next
 * request gets a real 429 with Retry-After (seconds to the end of the one-minute window).
 * The console waits out a Retry-After of up to 10 s and retries once; a longer one is shown.
 */
const LIMIT = 20;
const test = testWithOwnServer({ rateLimitPerMinute: LIMIT });

// The browser logs each 429 as a failed resource.
test.use({ allowedConsoleErrors: [/the server responded with a status of 429/] });

/** Spends the token's budget; returns the Retry-After of the first 429. */
const exhaust = async (baseURL: string, token: string): Promise<number> => {
  for (let i = 0; i <= LIMIT; i += 1) {
    const response = await fetch(`${baseURL}/api/v2/tokens/me`, { headers: { Authorization: `Bearer ${token}` } });
    await response.body?.cancel();
    if (response.status === 429) return Number(response.headers.get('Retry-After'));
    expect(response.status).toBe(200);
  }
  throw new Error(`no 429 after ${LIMIT + 1} requests`);
};

/** The Retry-After the server answers this token now (a request past the budget is refused, not counted as served). */
const retryAfterNow = async (baseURL: string, token: string): Promise<number> => {
  const response = await fetch(`${baseURL}/api/v2/tokens/me`, { headers: { Authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status === 429 ? Number(response.headers.get('Retry-After')) : 0;
};

const groupResponses = (page: Page, groupId: string) => {
  const seen: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === `/api/v2/groups/${groupId}` && response.request().method() === 'GET')
      seen.push(response);
  });
  return seen;
};

test('a Retry-After longer than the console waits: the error names the limit and when to retry', async ({
  page,
  ownServer,
}) => {
  const groups = await openSmallGroupInList(page);

  const retryAfter = await exhaust(ownServer.baseURL, await pageToken(page));
  expect(retryAfter, 'fresh window: more than the 10 s the console waits').toBeGreaterThan(10);

  const answers = groupResponses(page, DEMO_GROUPS.small.id);
  await groups.getByRole('link', { name: DEMO_GROUPS.small.name }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    new RegExp(
      `Too many requests\\. Rate limit exceeded: at most ${LIMIT} requests per 60 seconds for this token\\. Retry after \\d+ seconds\\.`,
    ),
  );
  // The 429 really came from the server, and the console did not hammer it with retries.
  expect(answers.map((r) => r.status())).toEqual([429]);
  expect(Number(await answers[0]!.headerValue('Retry-After'))).toBeGreaterThan(10);
  // Still signed in.
  await expect(page.getByTestId('user-name')).toHaveText('Avery Adams');
});

test('a Retry-After the console can wait out: the data arrives after the wait, with no error shown', async ({
  page,
  ownServer,
}) => {
  // Most of this test waits, on the server's own Retry-After, for the end of the token's window.
  test.setTimeout(120_000);
  const groups = await openSmallGroupInList(page);
  const token = await pageToken(page);
  await exhaust(ownServer.baseURL, token);
  await expect
    .poll(() => retryAfterNow(ownServer.baseURL, token), { intervals: [2_000], timeout: 70_000 })
    .toBeLessThanOrEqual(7);

  const answers = groupResponses(page, DEMO_GROUPS.small.id);
  await groups.getByRole('link', { name: DEMO_GROUPS.small.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.small.name })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  // First answer 429 with a short Retry-After, then the one retry after the wait succeeded.
  expect(answers.map((r) => r.status())).toEqual([429, 200]);
  const waitSeconds = Number(await answers[0]!.headerValue('Retry-After'));
  expect(waitSeconds).toBeGreaterThanOrEqual(1);
  expect(waitSeconds).toBeLessThanOrEqual(10);
  const retried = answers[1]!.request().timing().startTime;
  const refused = answers[0]!.request().timing().startTime;
  expect(retried - refused, 'the retry came after Retry-After').toBeGreaterThanOrEqual(waitSeconds * 1000 - 500);
});
