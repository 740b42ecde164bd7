import type { Locator, Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, THEMES } from '../support/a11y';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup, uniqueName } from '../support/groups';

/**
 * A failed save shows where the user is looking, on a window where the forms' submit button is
 * below the fold: a field the browser-side check refuses, or the server names, is scrolled to and
 * focused with its error; a refusal that names no field shows a summary beside the submit button,
 * with the request's reference, and that summary takes the focus.
 */

// The server answers a taken name with a 400, which the browser logs.
test.use({ viewport: { width: 1440, height: 900 }, allowedConsoleErrors: [/status of 400/] });

const nameField = (page: Page) => page.getByRole('textbox', { name: 'Name', exact: true });

/** Submits with the button, scrolled into view as a user would. */
const submitWith = async (page: Page, button: string) => {
  const submit = page.getByRole('button', { name: button });
  await submit.scrollIntoViewIfNeeded();
  await expect(nameField(page)).not.toBeInViewport();
  await submit.click();
};

const expectFocusedInSight = async (target: Locator) => {
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport({ ratio: 1 });
};

test.describe('a failed save, in sight', () => {
  test('create with an empty name: the name field is scrolled to and focused with its error', async ({ page }) => {
    await signIn(page, 'admin', '/groups/new');
    await expect(page.getByRole('heading', { name: 'Create group', level: 1 })).toBeVisible();
    await submitWith(page, 'Create group');
    await expectFocusedInSight(nameField(page));
    await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter a name.')).toBeInViewport();
  });

  test('create with a taken name: the name field the server names is focused, a summary with the reference sits by the button', async ({
    page,
    baseURL,
  }) => {
    const taken = await createGroup(await apiAs('admin', baseURL!), { name: uniqueName('Taken') });
    await signIn(page, 'admin', '/groups/new');
    await nameField(page).fill(taken.name!);
    await submitWith(page, 'Create group');
    await expectFocusedInSight(nameField(page));
    // The field says what the server said of it (the summary's details say it too).
    await expect(nameField(page)).toHaveAccessibleDescription(
      new RegExp(`A group named "${taken.name}" already exists\\.`),
    );
    const summary = page.getByTestId('form-error-summary');
    await expect(summary).toContainText('The group was not saved');
    await expect(summary.getByTestId('error-reference-id')).not.toBeEmpty();
    // Beside the submit button: the summary ends just above it.
    const [summaryBox, buttonBox] = await Promise.all([
      summary.boundingBox(),
      page.getByRole('button', { name: 'Create group' }).boundingBox(),
    ]);
    expect(buttonBox!.y - (summaryBox!.y + summaryBox!.height)).toBeGreaterThanOrEqual(0);
    expect(buttonBox!.y - (summaryBox!.y + summaryBox!.height)).toBeLessThan(80);
  });

  test('edit with an empty name, then a taken one: each time the name field is focused in sight', async ({
    page,
    baseURL,
  }) => {
    const admin = await apiAs('admin', baseURL!);
    const [group, other] = await Promise.all([createGroup(admin), createGroup(admin)]);
    await signIn(page, 'admin', `/groups/${group.id}/edit`);
    await nameField(page).fill('');
    await submitWith(page, 'Save changes');
    await expectFocusedInSight(nameField(page));

    await nameField(page).fill(other.name!);
    await submitWith(page, 'Save changes');
    await expectFocusedInSight(nameField(page));
    await expect(page.getByTestId('form-error-summary')).toBeVisible();
  });

  test('a refusal that names no field: the summary beside the button takes the focus', async ({ page }) => {
    await page.route('**/api/v2/groups', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        headers: { 'ININ-Correlation-Id': 'corr-form-summary' },
        body: JSON.stringify({ status: 400, code: 'bad.request', message: 'The request could not be processed.' }),
      });
    });
    await signIn(page, 'admin', '/groups/new');
    await nameField(page).fill(uniqueName('Refused'));
    await submitWith(page, 'Create group');
    const summary = page.getByTestId('form-error-summary');
    await expectFocusedInSight(summary);
    await expect(summary).toContainText('The request could not be processed.');
    await expect(summary.getByTestId('error-reference-id')).toHaveText('corr-form-summary');
  });
});

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme, reducedMotion: 'reduce' });

    test('the create form in its error states is clean under axe', async ({ page, baseURL }) => {
      const taken = await createGroup(await apiAs('admin', baseURL!), { name: uniqueName('Taken') });
      await signIn(page, 'admin', '/groups/new');
      await submitWith(page, 'Create group');
      await expect(nameField(page)).toBeFocused();
      await assertNoSeriousA11yViolations(page, { state: `empty name, ${theme}` });
      await nameField(page).fill(taken.name!);
      await submitWith(page, 'Create group');
      await expect(page.getByTestId('form-error-summary')).toBeVisible();
      await assertNoSeriousA11yViolations(page, { state: `taken name, ${theme}` });
    });
  });
}
