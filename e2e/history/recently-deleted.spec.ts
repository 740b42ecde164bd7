import { DEMO_DELETED_GROUPS } from '../../server/src/db/seed/history';
import { apiAs } from '../support/api';
import { PERSONAS, someUsers } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, deleteGroup, getGroup, groupPath, type Listing } from '../support/groups';

test.describe('Recently deleted', () => {
  test('a deleted group is restored as a new group with its settings, owners and members', async ({
    page,
    baseURL,
  }) => {
    const admin = await apiAs('admin', baseURL!);
    const group = await createGroup(admin, {
      description: 'To be deleted and restored',
      visibility: 'members',
      ownerIds: [PERSONAS.editor.id],
    });
    const [a, b] = await someUsers(admin, 2);
    await addMembers(admin, group.id, { memberIds: [a!.id, b!.id], version: group.version });
    await deleteGroup(admin, group.id);

    await signIn(page, 'admin', '/groups');
    await page.getByRole('link', { name: 'Recently deleted' }).click();
    await expect(page).toHaveURL(/\/groups\/deleted$/);
    const entry = page.getByRole('article', { name: group.name });
    await expect(entry).toContainText(`Deleted by ${PERSONAS.admin.name}`);
    await expect(entry).toContainText('1 owner · 2 individual members');

    await entry.getByRole('button', { name: `Restore ${group.name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Restore ${group.name}?` });
    await expect(confirm).toContainText('It gets a new id');
    await expect(confirm).toContainText(PERSONAS.editor.name);
    const create = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v2/groups'));
    await confirm.getByRole('button', { name: 'Restore group' }).click();
    expect((await create).headers()['x-restored-from-group']).toBe(group.id);

    await page.waitForURL(/\/groups\/(?!deleted)[0-9a-f-]{36}$/);
    const newId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(newId).not.toBe(group.id);
    await expect(page.getByText(/It has a new id/)).toBeVisible();

    const restored = await getGroup(admin, newId);
    expect(restored).toMatchObject({
      name: group.name,
      description: 'To be deleted and restored',
      visibility: 'members',
    });
    expect(restored.owners?.map((o) => o.id)).toEqual([PERSONAS.editor.id]);
    const individuals = await admin.get<Listing<{ id: string }>>(`${groupPath(newId, 'individuals')}?pageSize=100`);
    expect(individuals.entities.map((u) => u.id).sort()).toEqual([a!.id, b!.id].sort());

    // Recently deleted now links the deleted group to its restored copy.
    await page.goBack();
    await expect(page.getByRole('article', { name: group.name })).toContainText(`Restored as ${group.name}`);
    await page.getByRole('article', { name: group.name }).getByRole('link', { name: group.name }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${newId}$`));

    // The new group's history says where it came from.
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByRole('article', { name: `Created by ${PERSONAS.admin.name}` })).toContainText(
      `Restored from deleted group ${group.id}`,
    );
  });

  test('lists the demo org’s deleted groups from its seeded history', async ({ page }) => {
    await signIn(page, 'admin', '/groups/deleted');
    for (const deleted of Object.values(DEMO_DELETED_GROUPS)) {
      const entry = page.getByRole('article', { name: deleted.name });
      await expect(entry).toContainText(`Id ${deleted.id}`);
      await expect(entry.getByRole('button', { name: `Restore ${deleted.name}` })).toBeEnabled();
    }
  });

  test('without the history permission the page is not offered and its URL shows the 403 page', async ({ page }) => {
    await signIn(page, 'supervisor', '/groups');
    await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Recently deleted' })).toHaveCount(0);
    await page.goto('/groups/deleted');
    await expect(page.getByText('403')).toBeVisible();
  });
});
