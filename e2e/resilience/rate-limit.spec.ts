import { DEMO_GROUPS } from '../support/data';
import { expect, openSmallGroupInList, pageToken } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';
import { exhaust, groupResponses } from '../support/rate-limit';

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

test('a Retry-After longer than the console waits: the error names the limit and when to retry', async ({
  page,
  ownServer,
}) => {
  const groups = await openSmallGroupInList(page);

  const retryAfter = await exhaust(ownServer.baseURL, await pageToken(page), LIMIT);
  expect(retryAfter, 'fresh window: more than the 10 s the console waits').toBeGreaterThan(10);

  const answers = groupResponses(page, DEMO_GROUPS.small.id);
  await groups.getByRole('link', { name: DEMO_GROUPS.small.name }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  // The console's words for the code, and the server's own (naming the limit) one click away.
  await expect(page.getByRole('main')).toContainText(/Too many requests\. Try again in \d+ seconds\./);
  const details = page.getByRole('main').getByText('Details from the server');
  await details.click();
  await expect(page.getByRole('main')).toContainText(
    new RegExp(
      `Rate limit exceeded: at most ${LIMIT} requests per 60 seconds for this token\\. Retry after \\d+ seconds\\.`,
    ),
  );
  // The 429 really came from the server, and the console did not hammer it with retries.
  expect(answers.map((r) => r.status())).toEqual([429]);
  expect(Number(await answers[0]!.headerValue('Retry-After'))).toBeGreaterThan(10);
  // Still signed in.
  await expect(page.getByTestId('user-name')).toHaveText('Avery Adams');
});
