import { PERSONAS } from '../../server/src/db/seed/personas';
import { apiAs } from '../support/api';
import { someUsers } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup, deleteGroup } from '../support/groups';

/** The Owners tab shows each owner's email and title, read for all owners in one request. */

test("the Owners tab shows every owner's email and title, read in one batch", async ({ page, baseURL }) => {
  const admin = await apiAs('admin', baseURL!);
  const others = (await someUsers(admin, 10)).filter((u) => u.title).slice(0, 2);
  const owners = [PERSONAS.owner, ...others];
  const group = await createGroup(admin, { ownerIds: owners.map((o) => o.id) });
  try {
    const userLookups: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v2/users' && url.searchParams.has('id')) userLookups.push(url);
    });
    await signIn(page, 'admin', `/groups/${group.id}?tab=owners`);
    const table = page.getByRole('table', { name: 'Owners' });
    for (const owner of owners) {
      const row = table.locator('tbody tr').filter({ hasText: owner.name });
      await expect(row.getByRole('cell')).toHaveText([owner.name, owner.email, owner.title!, /Owner/]);
    }
    // One request for every owner, not one per row.
    expect(userLookups).toHaveLength(1);
    expect(userLookups[0]!.searchParams.get('id')!.split(',').sort()).toEqual(owners.map((o) => o.id).sort());
  } finally {
    await deleteGroup(admin, group.id);
  }
});
