import { apiAs } from '../support/api';
import { DEMO_GROUPS, PERSONAS, someUsers } from '../support/data';
import { THEMES } from '../support/a11y';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, getGroup, removeMembers, setDynamicSettings, updateGroup } from '../support/groups';

const history = (groupId: string, search = '') => `/groups/${groupId}?tab=history${search}`;

test.describe('a group’s history', () => {
  test('an edit shows who made it, old → new, and reverting it puts the old value back and is recorded', async ({
    page,
    baseURL,
  }) => {
    const admin = await apiAs('admin', baseURL!);
    const editor = await apiAs('editor', baseURL!);
    const group = await createGroup(admin, { description: 'Before the edit' });
    const edited = await updateGroup(editor, group.id, {
      version: group.version,
      description: 'After the edit',
    });

    await signIn(page, 'admin', history(group.id));
    await expect(page.getByRole('tab', { name: 'History', selected: true })).toBeVisible();
    const change = page.getByRole('article', { name: `Changed by ${PERSONAS.editor.name}` });
    await expect(change).toBeVisible();
    const field = change.getByRole('listitem').filter({ hasText: 'Description:' });
    await expect(field).toContainText('Before the edit');
    await expect(field).toContainText('After the edit');
    // The creation is listed too, by the admin, under today's heading.
    await expect(page.getByRole('region', { name: 'Today' })).toContainText(`Created`);
    await expect(page.getByRole('article', { name: `Created by ${PERSONAS.admin.name}` })).toBeVisible();

    await change.getByRole('button', { name: 'Revert' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revert this change?' });
    await expect(confirm).toContainText('Description: Before the edit');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/api/v2/groups/${group.id}`));
    await confirm.getByRole('button', { name: 'Revert' }).click();
    const request = await put;
    expect(request.postDataJSON()).toEqual({ version: edited.version, description: 'Before the edit' });
    const auditId = request.headers()['x-reverts-audit'];
    expect(auditId).toMatch(/^[0-9a-f-]{36}$/);

    // The revert is itself recorded, by the admin, and shows at the top.
    const revert = page.getByRole('article', { name: `Changed by ${PERSONAS.admin.name}` }).first();
    await expect(revert).toContainText('Reverts an earlier change.');
    await expect(revert.getByRole('listitem').filter({ hasText: 'Description:' })).toContainText('After the edit');
    const now = await getGroup(admin, group.id);
    expect(now.description).toBe('Before the edit');
    expect(now.version).toBe(edited.version + 1);
  });

  test('a revert of a group that moved on opens the conflict dialog, and re-applying saves it', async ({
    page,
    baseURL,
  }) => {
    const admin = await apiAs('admin', baseURL!);
    const group = await createGroup(admin, { description: 'First' });
    const v2 = await updateGroup(admin, group.id, {
      version: group.version,
      description: 'Second',
    });
    await signIn(page, 'admin', history(group.id, '&hAction=Update'));
    const change = page.getByRole('article', { name: `Changed by ${PERSONAS.admin.name}` });
    await expect(change).toHaveCount(1);
    // Someone else renames the group while the history is open.
    await updateGroup(admin, group.id, { version: v2.version, name: `${group.name} renamed` });

    await change.getByRole('button', { name: 'Revert' }).click();
    await page.getByRole('dialog', { name: 'Revert this change?' }).getByRole('button', { name: 'Revert' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this group' });
    await expect(conflict).toBeVisible();
    await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
    await expect(conflict).toBeHidden();
    const now = await getGroup(admin, group.id);
    expect(now.description).toBe('First');
    expect(now.name).toBe(`${group.name} renamed`);
  });

  test('members added and removed show by name, link to the person, and filter by action in the URL', async ({
    page,
    baseURL,
  }) => {
    const admin = await apiAs('admin', baseURL!);
    const group = await createGroup(admin);
    const [a, b] = await someUsers(admin, 2);
    await addMembers(admin, group.id, { memberIds: [a!.id, b!.id], version: group.version });
    await removeMembers(admin, group.id, [b!.id]);

    await signIn(page, 'admin', history(group.id));
    const added = page.getByRole('article', { name: `Members added by ${PERSONAS.admin.name}` });
    const removed = page.getByRole('article', { name: `Members removed by ${PERSONAS.admin.name}` });
    await expect(added.getByRole('list', { name: 'People added' })).toContainText(a!.name);
    await expect(added.getByRole('list', { name: 'People added' })).toContainText(b!.name);
    await expect(removed.getByRole('list', { name: 'People removed' })).toContainText(b!.name);

    // Filter: only removals; the URL keeps it across a reload.
    // The chip's state follows the URL, which the router updates a moment after the click.
    // Its checkbox is visually hidden (Mantine's Chip styles): a person clicks the chip's label.
    await page.locator('label', { hasText: /^Members removed$/ }).click();
    await expect(page).toHaveURL(/hAction=MemberRemove/);
    await expect(page.getByRole('checkbox', { name: 'Members removed' })).toBeChecked();
    await expect(added).toHaveCount(0);
    await page.reload();
    await expect(removed).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Members removed' })).toBeChecked();

    // The name opens the person's drawer, with their membership history: joined, then left this group.
    await removed.getByRole('button', { name: b!.name }).click();
    const drawer = page.getByRole('dialog', { name: b!.name });
    const memberships = drawer.getByRole('list', { name: 'Membership history' }).getByRole('listitem');
    await expect(memberships.filter({ hasText: group.name })).toHaveCount(2);
    await expect(memberships.filter({ hasText: group.name }).first()).toContainText(`Left ${group.name}`);
    await expect(memberships.filter({ hasText: group.name }).last()).toContainText(`Joined ${group.name}`);
    await expect(memberships.filter({ hasText: group.name }).first()).toContainText(`by ${PERSONAS.admin.name}`);
  });

  test('rules changes read as a diff, and the person filter keeps only that person’s changes', async ({
    page,
    baseURL,
  }) => {
    const admin = await apiAs('admin', baseURL!);
    const editor = await apiAs('editor', baseURL!);
    const group = await createGroup(admin);
    const spanish = (proficiency: number) => ({
      skillConditions: [
        {
          operation: 'Or',
          routingSkillConditions: [],
          languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency }],
        },
      ],
    });
    await setDynamicSettings(admin, group.id, spanish(3));
    await setDynamicSettings(editor, group.id, spanish(4));

    await signIn(page, 'admin', history(group.id));
    const byEditor = page.getByRole('article', { name: `Changed by ${PERSONAS.editor.name}` });
    const diff = byEditor.getByRole('list', { name: 'Rules changes' });
    await expect(diff.locator('[data-diff="removed"]')).toContainText('Spanish at least 3');
    await expect(diff.locator('[data-diff="added"]')).toContainText('Spanish at least 4');
    // A rules change is not a field a PUT of the group can revert.
    await expect(byEditor.getByRole('button', { name: 'Revert' })).toHaveCount(0);

    // Only the editor's changes: picked by name, kept in the URL.
    await page.getByRole('textbox', { name: 'Changed by' }).fill(PERSONAS.editor.name);
    await page.getByRole('option', { name: new RegExp(PERSONAS.editor.name) }).click();
    await expect(page).toHaveURL(new RegExp(`hBy=${PERSONAS.editor.id}`));
    await expect(byEditor).toHaveCount(1);
    await expect(page.getByRole('article', { name: new RegExp(`by ${PERSONAS.admin.name}$`) })).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByRole('article', { name: `Created by ${PERSONAS.admin.name}` })).toBeVisible();
  });

  test('older changes than the realtime window come from the asynchronous query', async ({ page }) => {
    // The demo org's groups were created three to four weeks ago (server/src/db/seed/history.ts).
    await signIn(page, 'admin', history(DEMO_GROUPS.ownersOnly.id, '&hAction=Create'));
    await expect(page.getByText('No changes match these filters')).toBeVisible();
    const created = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v2/audits/query'));
    await page.getByRole('button', { name: 'Show older changes (up to 365 days back)' }).click();
    expect((await created).postDataJSON()).toMatchObject({
      serviceName: 'Directory',
      filters: expect.arrayContaining([{ property: 'EntityId', value: DEMO_GROUPS.ownersOnly.id }]),
    });
    const entry = page.getByRole('article', { name: /^Created by / });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole('listitem').filter({ hasText: 'Name:' })).toContainText(DEMO_GROUPS.ownersOnly.name);
  });

  test('without audits:audit:view there is no History tab, and its URL shows the 403 page naming it', async ({
    page,
    baseURL,
  }) => {
    const group = await createGroup(await apiAs('admin', baseURL!));
    await signIn(page, 'supervisor', `/groups/${group.id}`);
    await expect(page.getByRole('tab', { name: 'Profile' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'History' })).toHaveCount(0);
    await page.goto(history(group.id));
    await expect(page.getByText('403')).toBeVisible();
    await expect(page.getByText(/You need the audits:audit:view permission/)).toBeVisible();
  });
});

for (const theme of THEMES) {
  test.describe(`one entry a change, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    test('a change that wrote several records is one entry, and a filtered part offers the whole change', async ({
      page,
      baseURL,
    }) => {
      const admin = await apiAs('admin', baseURL!);
      // One request, two records: the group created, and its owner brought in as a member.
      const group = await createGroup(admin, { ownerIds: [PERSONAS.editor.id], includeOwners: true });

      await signIn(page, 'admin', history(group.id));
      const created = page.getByRole('article', { name: `Created by ${PERSONAS.admin.name}` });
      await expect(created).toBeVisible();
      await expect(created.getByText('Members added with this change')).toBeVisible();
      await expect(created.getByRole('list', { name: 'People added' })).toContainText(PERSONAS.editor.name);
      await expect(page.getByRole('article')).toHaveCount(1);

      // Only additions: the member record alone, part of a creation the filter leaves out.
      const related = page.waitForRequest(
        (r) => r.method() === 'POST' && r.url().includes('/api/v2/audits/query/realtime/related'),
      );
      await page.goto(history(group.id, '&hAction=MemberAdd'));
      const added = page.getByRole('article', { name: `Members added by ${PERSONAS.admin.name}` });
      await expect(added.getByRole('list', { name: 'People added' })).toContainText(PERSONAS.editor.name);
      await added.getByRole('button', { name: 'Show the whole change' }).click();
      expect((await related).postDataJSON()).toMatchObject({ auditId: expect.any(String) });
      await expect(added).toContainText(`Part of: Created by ${PERSONAS.admin.name}`);
      await expect(added.getByText('Created with this change')).toBeVisible();
      await expect(added.getByRole('list', { name: 'Changed fields' })).toContainText(group.name);
      await assertNoSeriousA11yViolations(page);
    });
  });
}
