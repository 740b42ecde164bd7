import { DEMO_GROUPS } from '../support/data';
import { expect, openSmallGroupInList, pageToken } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';
import { exhaust, groupResponses } from '../support/rate-limit';

/**
 * A 429 whose Retry-After the console waits out (up to 10 s, then one retry). The dedicated server counts
 * over an 8-second window instead of the real minute, so the wait is short and the test does not idle.
 */
// Room for the console's start-up requests (the list, then the idle-time questions) within one window.
const LIMIT = 40;
const WINDOW_SECONDS = 8;
const test = testWithOwnServer({ rateLimitPerMinute: LIMIT, rateLimitWindowSeconds: WINDOW_SECONDS });

// The browser logs each 429 as a failed resource.
test.use({ allowedConsoleErrors: [/the server responded with a status of 429/] });

test('a Retry-After the console can wait out: the data arrives after the wait, with no error shown', async ({
  page,
  ownServer,
}) => {
  const groups = await openSmallGroupInList(page);
  const token = await pageToken(page);
  // Spend a window's budget early in the window, so the console's next request meets the 429 (a window
  // about to end is waited out and spent again from its start).
  let retryAfter = await exhaust(ownServer.baseURL, token, LIMIT);
  if (retryAfter < WINDOW_SECONDS - 3) {
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    retryAfter = await exhaust(ownServer.baseURL, token, LIMIT);
  }
  expect(retryAfter).toBeGreaterThanOrEqual(WINDOW_SECONDS - 3);

  const answers = groupResponses(page, DEMO_GROUPS.small.id);
  await groups.getByRole('link', { name: DEMO_GROUPS.small.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.small.name })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  // First answer 429 with a short Retry-After, then the one retry after the wait succeeded (the live
  // members tab may read the group again later, when its channel goes live).
  expect(answers.slice(0, 2).map((r) => r.status())).toEqual([429, 200]);
  const waitSeconds = Number(await answers[0]!.headerValue('Retry-After'));
  expect(waitSeconds).toBeGreaterThanOrEqual(1);
  expect(waitSeconds).toBeLessThanOrEqual(10);
  const retried = answers[1]!.request().timing().startTime;
  const refused = answers[0]!.request().timing().startTime;
  expect(retried - refused, 'the retry came after Retry-After').toBeGreaterThanOrEqual(waitSeconds * 1000 - 500);
});
