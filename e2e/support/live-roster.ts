import type { Page } from '@playwright/test';
import type { Api } from './api';
import { expect } from './fixtures';
import { addMembers, removeMembers } from './groups';
import { memberRows } from './members';

/** How often the members tab reads its visible page while it polls (roster-model.ts's VISIBLE_PAGE_REFRESH_MS). */
export const VISIBLE_PAGE_REFRESH_MS = 5_000;
/** How long a row's change stays marked (use-change-marks.ts's CHANGE_MARK_MS). */
export const CHANGE_MARK_MS = 8_000;

/** The members tab's mode: "Live" or "Refreshing every … s". */
export const rosterMode = (page: Page) => page.getByTestId('roster-mode');

/** Every topic the page subscribes from now on (call it before the page opens). */
export const watchSubscriptions = (page: Page): string[] => {
  const subscribed: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/v2\/notifications\/channels\/[^/]+\/subscriptions$/.test(new URL(request.url()).pathname))
      subscribed.push(...((request.postDataJSON() as Array<{ id: string }> | null) ?? []).map((t) => t.id));
  });
  return subscribed;
};

/**
 * With the members tab of `groupId` open and live, someone joins and then leaves the group through the API:
 * each change shows within 3 s without a reload or a periodic read (the group's change topic has the tab
 * read the group again), and the topic the tab subscribed (`subscribed`, from watchSubscriptions) is the one of
 * `entityType`.
 */
export const expectJoinAndLeaveLive = async (
  page: Page,
  api: Api,
  groupId: string,
  {
    joiner,
    membersBefore,
    entityType,
    subscribed,
  }: { joiner: { id: string; name: string }; membersBefore: number; entityType: string; subscribed: string[] },
): Promise<void> => {
  await expect(rosterMode(page)).toHaveText('Live', { timeout: 15_000 });
  await expect(memberRows(page)).toHaveCount(membersBefore);
  await expect
    .poll(() => subscribed, { message: 'the group change topic is subscribed' })
    .toContain(`v2.audits.entitytype.${entityType}.entityid.${groupId}`);

  await addMembers(api, groupId, { memberIds: [joiner.id] });
  await expect(memberRows(page)).toHaveCount(membersBefore + 1, { timeout: 3_000 });
  await expect(memberRows(page).filter({ hasText: joiner.name })).toHaveCount(1);
  await removeMembers(api, groupId, [joiner.id]);
  await expect(memberRows(page)).toHaveCount(membersBefore, { timeout: 3_000 });
  await expect(rosterMode(page)).toHaveText('Live');
};
