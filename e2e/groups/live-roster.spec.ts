import type { Locator, Page, Request } from '@playwright/test';
import WebSocket from 'ws';
import { apiAs, apiWithToken, type Api } from '../support/api';
import { PERSONAS, someUsers } from '../support/data';
import { addMembers, createGroup, deleteGroup, uniqueName } from '../support/groups';
import {
  assertNoSeriousA11yViolations,
  expect,
  pageToken,
  signIn,
  test,
  waitForNetworkQuiet,
} from '../support/fixtures';
import {
  expectJoinAndLeaveLive,
  rosterMode,
  VISIBLE_PAGE_REFRESH_MS,
  watchSubscriptions,
} from '../support/live-roster';
import { memberRows } from '../support/members';

/**
 * The members tab of a small group kept live by push: a presence set through the API shows on the
 * row and in the whole-group counts within 2 s, without the console reading members or users; when the
 * server closes the tab's channel, the tab says it is polling, and says "Live" again once it has a new
 * channel. The e2e server runs without the presence simulation, so presences change only when a test
 * sets them.
 */

// While the test keeps the console from creating a channel, the browser logs the refused requests.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 503/] });

interface Definitions {
  presenceDefinitions: Array<{ id: string; systemPresence: string }>;
}
interface UserWithPresence {
  id: string;
  name: string;
  presence?: { presenceDefinition?: { systemPresence?: string } };
}

const filters = (page: Page) => page.getByRole('group', { name: 'Status filters (whole group)' });

/** The presence chips' counts, by label: "Available 3" → { Available: 3 }. */
const presenceCounts = async (page: Page): Promise<Record<string, number>> => {
  const chips = filters(page).locator('.mantine-Group-root').nth(0).getByRole('button');
  const out: Record<string, number> = {};
  for (const text of await chips.allInnerTexts()) {
    const match = /^(.*?)\s*(\d+)$/s.exec(text.trim());
    if (match) out[match[1]!.trim()] = Number(match[2]);
  }
  return out;
};

/** Reads of members or users (whole-group readings, pages, presences) the page makes from now on. */
const recordReads = (page: Page) => {
  const reads: string[] = [];
  const onRequest = (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'GET' && (/\/members$/.test(path) || path.startsWith('/api/v2/users')))
      reads.push(request.url());
  };
  page.on('request', onRequest);
  return { reads, stop: () => page.off('request', onRequest) };
};

const setPresence = async (api: Api, userId: string, definitionId: string) =>
  api.request('PATCH', `/api/v2/users/${userId}/presences/PURECLOUD`, { presenceDefinition: { id: definitionId } });

/** Sets the user's presence to the other of Meal and Break, and answers the new one. */
const changePresence = async (api: Api, user: UserWithPresence, definitions: Definitions) => {
  const current = await api.get<UserWithPresence>(`/api/v2/users/${user.id}?expand=presence`);
  const was = current.presence?.presenceDefinition?.systemPresence ?? '';
  const to = was === 'Meal' ? 'Break' : 'Meal';
  await setPresence(api, user.id, definitions.presenceDefinitions.find((d) => d.systemPresence === to)!.id);
  return { was, to };
};

const rowOf = (page: Page, name: string): Locator =>
  memberRows(page).filter({ has: page.getByRole('button', { name, exact: true }) });

test('a presence change arrives by push, and the tab polls while its channel is gone', async ({ page, baseURL }) => {
  test.slow();
  // The org administrator, whom few specs sign in as: the twenty channels below close the oldest channel
  // of this user and client, which would otherwise be another parallel spec's.
  const api = await apiAs('wildcard', baseURL!);
  // They set their own presence, as a member of the group.
  const me = await api.get<UserWithPresence>('/api/v2/users/me');
  expect(me.id).toBe(PERSONAS.wildcard.id);
  const users = [me, ...(await someUsers(api, 4))];
  const group = await createGroup(api, { name: uniqueName('Live roster') });
  await addMembers(api, group.id, { memberIds: users.map((u) => u.id) });
  const definitions = await api.get<Definitions>('/api/v2/users/me?expand=presencedefinitions');
  const target = me;

  // Lets the test refuse new channels for a while (the service being unavailable).
  let refuseChannels = false;
  await page.route(
    (url) => url.pathname === '/api/v2/notifications/channels',
    (route) =>
      refuseChannels && route.request().method() === 'POST'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ status: 503, code: 'service.unavailable', message: 'Try again later.' }),
          })
        : route.continue(),
  );

  // The page's clock runs on its own, and is moved on to the next poll and through the reconnection's backoff.
  await page.clock.install();
  await signIn(page, 'wildcard', `/groups/${group.id}`);
  await expect(rosterMode(page)).toHaveText('Live', { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();
  await expect(page.getByTestId('roster-taken')).toContainText('Changes arrive as they happen');
  await expect(memberRows(page)).toHaveCount(users.length);
  // The catch-up read made on going live is over before the change is made.
  await waitForNetworkQuiet(page);

  const before = await presenceCounts(page);
  const recorder = recordReads(page);
  const { was, to } = await changePresence(api, target, definitions);
  const row = rowOf(page, target.name);
  await expect(row).toContainText(to, { timeout: 2_000 });
  await expect(row.getByTestId('change-mark')).toHaveText(`now ${to}`);
  const after = { ...before, [to]: (before[to] ?? 0) + 1, [was]: (before[was] ?? 0) - 1 };
  if (after[was] === 0) delete after[was];
  await expect.poll(() => presenceCounts(page), { timeout: 2_000 }).toEqual(after);
  recorder.stop();
  expect(recorder.reads, 'no member or user was read to show the change').toEqual([]);
  await assertNoSeriousA11yViolations(page, { state: 'live roster, light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertNoSeriousA11yViolations(page, { include: '[data-testid="roster-panel"]', state: 'live roster, dark' });
  await page.emulateMedia({ colorScheme: 'light' });

  // The server closes the oldest channel of a user and OAuth client when a 21st is made: twenty new
  // connected channels with the page's token close the tab's, with v2.system.socket_closing.
  refuseChannels = true;
  const pageApi = apiWithToken(await pageToken(page), baseURL!);
  const sockets: WebSocket[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      const channel = await pageApi.post<{ connectUri: string }>('/api/v2/notifications/channels', undefined);
      const socket = new WebSocket(channel.connectUri);
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      sockets.push(socket);
    }
    // Polling again: the page is read on its own once more.
    await expect(rosterMode(page)).toHaveText(/^Refreshing every \d+ s$/);
    const polled = page.waitForRequest((r) => r.method() === 'GET' && /\/groups\/[^/]+\/members\?/.test(r.url()));
    await page.clock.fastForward(VISIBLE_PAGE_REFRESH_MS);
    await polled;
  } finally {
    for (const socket of sockets) socket.close();
  }

  // Channels are allowed again: the tab reconnects after its backoff, subscribes again and is live.
  refuseChannels = false;
  await expect
    .poll(
      async () => {
        await page.clock.fastForward(1_000);
        return rosterMode(page).textContent();
      },
      { timeout: 20_000 },
    )
    .toBe('Live');
  await waitForNetworkQuiet(page);
  const again = await changePresence(api, target, definitions);
  await expect(row).toContainText(again.to, { timeout: 2_000 });

  await deleteGroup(api, group.id);
});

test('someone who joins or leaves the group appears or disappears without a reload', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const [joiner, ...members] = await someUsers(api, 3);
  const group = await createGroup(api, { name: uniqueName('Live joins') });
  await addMembers(api, group.id, { memberIds: members.map((u) => u.id) });
  const subscribed = watchSubscriptions(page);
  await signIn(page, 'admin', `/groups/${group.id}`);
  await expectJoinAndLeaveLive(page, api, group.id, {
    joiner: joiner!,
    membersBefore: members.length,
    entityType: 'Group',
    subscribed,
  });
  await deleteGroup(api, group.id);
});
