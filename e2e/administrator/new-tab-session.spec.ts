import { apiAs } from '../support/api';
import { expect, signInThroughPage, test } from '../support/fixtures';
import { createGroup, deleteGroup } from '../support/groups';

/**
 * The sign-in page remembers the browser: a tab opened after a sign-in (a deep link in a new tab, a
 * Ctrl-click on a group) signs in by redirect without a password and shows what was asked for. Signing
 * out in one tab signs the others out and makes the sign-in page ask for the password again.
 */
test('a new tab of a signed-in browser opens the group without a password; sign-out ends every tab', async ({
  page,
  context,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const name = `E2E-new-tab-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const group = await createGroup(api, { name, description: 'Opened in new tabs' });
  // Every sign-in form the browser is shown, in any tab.
  const forms: string[] = [];
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname === '/oauth/authorize' && response.request().method() === 'GET' && response.status() === 200)
      forms.push(response.url());
  });
  try {
    await signInThroughPage(page, 'admin', `/groups?q=${name}`);
    expect(forms).toHaveLength(1);

    // A deep link in a new tab.
    const deepLink = await context.newPage();
    await deepLink.goto(`/groups/${group.id}`);
    await expect(deepLink.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(deepLink).toHaveURL(new RegExp(`/groups/${group.id}$`));

    // A Ctrl-click on the group in the list.
    const [clicked] = await Promise.all([
      context.waitForEvent('page'),
      page
        .getByRole('table', { name: 'Groups' })
        .getByRole('link', { name })
        .click({ modifiers: ['ControlOrMeta'] }),
    ]);
    await expect(clicked.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(clicked).toHaveURL(new RegExp(`/groups/${group.id}$`));
    expect(forms, 'no tab was shown the sign-in form again').toHaveLength(1);

    // Sign-out in the first tab signs the others out.
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    await expect(deepLink.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    await expect(clicked.getByRole('heading', { name: 'You are signed out' })).toBeVisible();

    // And the sign-in page no longer remembers the browser.
    const later = await context.newPage();
    await later.goto(`/groups/${group.id}`);
    await later.waitForURL(/\/oauth\/authorize/);
    await expect(later.getByLabel('Password')).toBeVisible();
  } finally {
    await deleteGroup(api, group.id);
  }
});
