import type { Page } from '@playwright/test';
import { PERSONAS } from '../../server/src/db/seed/personas';
import { THEMES } from '../support/a11y';
import { apiAs } from '../support/api';
import { someUsers } from '../support/data';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { createGroup, deleteGroup, getGroup, uniqueName, updateGroup } from '../support/groups';

/**
 * Removing owners on the edit form: taking away one's own only way to edit a group, or leaving it
 * without owners, is confirmed first, and the confirmation says what follows.
 */

const removeOwner = (page: Page, name: string) => page.getByRole('button', { name: `Remove ${name}` }).click();
const save = (page: Page) => page.getByRole('button', { name: 'Save changes' }).click();

test('the last owner removing themselves is told they lose access, and nothing is saved until they confirm', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs('admin', baseURL!);
  const name = uniqueName('Night Shift Leads');
  const group = await createGroup(admin, { name, ownerIds: [PERSONAS.owner.id] });
  try {
    await signIn(page, 'owner', `/groups/${group.id}/edit`);
    await removeOwner(page, PERSONAS.owner.name);
    await save(page);

    const dialog = page.getByRole('dialog', { name: 'Remove yourself as the last owner?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      `You are the last owner of ${name}. Removing yourself leaves it without an owner and you will no longer be able to edit it.`,
    );
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]', state: `last owner dialog, ${theme}` });
    }

    // Cancel: still editing, and the group keeps its owner.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/groups/${group.id}/edit$`));
    expect((await getGroup(admin, group.id)).owners?.map((o) => o.id)).toEqual([PERSONAS.owner.id]);

    // Confirm: saved without owners, and the Edit action is gone.
    await save(page);
    await dialog.getByRole('button', { name: 'Remove me and save' }).click();
    await page.waitForURL(new RegExp(`/groups/${group.id}$`));
    expect((await getGroup(admin, group.id)).owners ?? []).toEqual([]);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  } finally {
    await deleteGroup(admin, group.id);
  }
});

test('an owner leaving other owners behind is told they lose access too; an owners-only group then leaves their sight', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs('admin', baseURL!);
  const [other] = await someUsers(admin, 1);
  const name = uniqueName('Night Shift Leads');
  const group = await createGroup(admin, { name, visibility: 'owners', ownerIds: [PERSONAS.owner.id, other!.id] });
  try {
    await signIn(page, 'owner', `/groups/${group.id}/edit`);
    await removeOwner(page, PERSONAS.owner.name);
    await save(page);
    const dialog = page.getByRole('dialog', { name: 'Remove yourself as an owner?' });
    await expect(dialog).toContainText(`Removing yourself from the owners of ${name}`);
    await expect(dialog).toContainText('you will no longer be able to edit it');
    await dialog.getByRole('button', { name: 'Remove me and save' }).click();
    // The group is owners-only: no longer an owner, they are taken back to the list, not to a missing page.
    await page.waitForURL((url) => url.pathname === '/groups');
    await expect(page.getByText(`Saved ${name}`)).toBeVisible();
    expect((await getGroup(admin, group.id)).owners?.map((o) => o.id)).toEqual([other!.id]);
  } finally {
    await deleteGroup(admin, group.id);
  }
});

test('removing the last owner of a group is confirmed, more mildly, by one who can still edit it', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs('admin', baseURL!);
  const name = uniqueName('Night Shift Leads');
  const group = await createGroup(admin, { name, ownerIds: [PERSONAS.owner.id] });
  try {
    await signIn(page, 'admin', `/groups/${group.id}/edit`);
    await removeOwner(page, PERSONAS.owner.name);
    await save(page);
    const dialog = page.getByRole('dialog', { name: 'Remove the last owner?' });
    await expect(dialog).toContainText(
      `${name} will have no owners. Only people with permission to edit groups will be able to change it.`,
    );
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]', state: `no owners dialog, ${theme}` });
    }
    await dialog.getByRole('button', { name: 'Save without owners' }).click();
    await page.waitForURL(new RegExp(`/groups/${group.id}$`));
    expect((await getGroup(admin, group.id)).owners ?? []).toEqual([]);
    // The administrator keeps the Edit action (directory:group:edit).
    await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
  } finally {
    await deleteGroup(admin, group.id);
  }
});

test('reverting the change that gave a group its only owner asks before leaving it without owners', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs('admin', baseURL!);
  const name = uniqueName('Night Shift Leads');
  const group = await createGroup(admin, { name });
  await updateGroup(admin, group.id, { version: group.version, ownerIds: [PERSONAS.owner.id] });
  try {
    await signIn(page, 'admin', `/groups/${group.id}?tab=history`);
    const change = page.getByRole('article', { name: `Changed by ${PERSONAS.admin.name}` });
    await change.getByRole('button', { name: 'Revert' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the last owner?' });
    await expect(dialog).toContainText(`${name} will have no owners.`);
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]', state: `revert dialog, ${theme}` });
    }
    await dialog.getByRole('button', { name: 'Revert' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await getGroup(admin, group.id)).owners ?? []).toEqual([]);
  } finally {
    await deleteGroup(admin, group.id);
  }
});
