import { DEMO_GROUPS, PERSONAS } from '../../server/src/db/seed/personas';
import { THEMES } from '../support/a11y';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { createGroup, deleteGroup, getGroup, uniqueName } from '../support/groups';

/** "My groups": the group list's filter of the groups the signed-in user owns, kept in the URL. */

test('an owner lists the groups they own with "My groups", and the filter stays in the URL', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs('admin', baseURL!);
  const token = uniqueName('Mine');
  const owned = await createGroup(admin, {
    name: `${token} owned`,
    visibility: 'owners',
    ownerIds: [PERSONAS.owner.id],
  });
  const other = await createGroup(admin, { name: `${token} other`, ownerIds: [PERSONAS.editor.id] });
  try {
    await signIn(page, 'owner', `/groups?q=${encodeURIComponent(token)}`);
    const groups = page.getByRole('table', { name: 'Groups' });
    await expect(groups.getByRole('link', { name: other.name })).toBeVisible();

    // The box shows the URL's state: it is checked once the view has moved to "My groups".
    const mine = page.getByRole('checkbox', { name: 'My groups' });
    await mine.click();
    await expect(mine).toBeChecked();
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBe('me');
    await expect(groups.getByRole('link', { name: owned.name })).toBeVisible();
    await expect(groups.getByRole('link', { name: other.name })).toHaveCount(0);
    await expect(page.getByTestId('group-total')).toHaveText('1 group');
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await assertNoSeriousA11yViolations(page, { state: `group list, My groups, ${theme}` });
    }

    // A reload (or a shared link) keeps the filter.
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'My groups' })).toBeChecked();
    await expect(groups.getByRole('link', { name: owned.name })).toBeVisible();
    await expect(groups.getByRole('link', { name: other.name })).toHaveCount(0);

    // Unchecking shows every group again.
    await page.getByRole('checkbox', { name: 'My groups' }).click();
    await expect(page.getByRole('checkbox', { name: 'My groups' })).not.toBeChecked();
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBeNull();
    await expect(groups.getByRole('link', { name: other.name })).toBeVisible();
  } finally {
    await deleteGroup(admin, owned.id);
    await deleteGroup(admin, other.id);
  }
});

test("\"My groups\" lists each reader's own groups: the demo owner's, not the administrator's view of them", async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'owner', `/groups?owner=me&q=${encodeURIComponent(DEMO_GROUPS.ownersOnly.name)}`);
  const groups = page.getByRole('table', { name: 'Groups' });
  await expect(groups.getByRole('link', { name: DEMO_GROUPS.ownersOnly.name })).toBeVisible();

  // The administrator sees that group too, but does not own it.
  const admin = await apiAs('admin', baseURL!);
  expect((await getGroup(admin, DEMO_GROUPS.ownersOnly.id)).id).toBe(DEMO_GROUPS.ownersOnly.id);
  await signIn(page, 'admin', `/groups?owner=me&q=${encodeURIComponent(DEMO_GROUPS.ownersOnly.name)}`);
  await expect(page.getByText('No groups match')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'My groups' })).toBeChecked();
  await assertNoSeriousA11yViolations(page, { state: 'group list, My groups, none owned' });
});
