import { readFileSync } from 'node:fs';
import { DEMO_GROUPS } from '../support/data';
import { assertNoSeriousA11yViolations, expect, signIn } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';

/**
 * A server error a user can report: the real embedded server fails a write with a 500 (a fault put in its
 * database before it starts: removing a group's rules aborts), and the error notification shows that
 * request's correlation id, copies it, and names the console's version.
 */
const test = testWithOwnServer({
  prepare: (db) =>
    db.exec(`CREATE TRIGGER injected_fault BEFORE DELETE ON group_dynamic_settings
             BEGIN SELECT RAISE(ABORT, 'injected fault: the rules cannot be removed'); END;`),
});

// Chromium logs the 500 as a failed resource.
test.use({ allowedConsoleErrors: [/the server responded with a status of 500/] });

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

test('a 500 shows its correlation id in the notification, and Copy reference copies it', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.dynamic.id}`);
  await page.getByRole('tab', { name: 'Dynamic rules' }).click();
  await expect(page.getByRole('list', { name: 'Skill conditions' })).toBeVisible();

  await page.getByRole('button', { name: 'Remove rules' }).click();
  const failed = page.waitForResponse(
    (r) => r.request().method() === 'DELETE' && r.url().endsWith(`/groups/${DEMO_GROUPS.dynamic.id}/dynamicsettings`),
  );
  await page.getByRole('dialog', { name: 'Remove the rules?' }).getByRole('button', { name: 'Remove rules' }).click();
  const response = await failed;
  expect(response.status()).toBe(500);
  const id = response.headers()['inin-correlation-id'];
  expect(id, 'the server names the request').toMatch(/^[0-9a-f-]{36}$/);
  expect(((await response.json()) as { contextId?: string }).contextId).toBe(id);

  const notification = page.locator('.mantine-Notification-root').filter({ hasText: 'Could not remove the rules' });
  await expect(notification).toBeVisible();
  await expect(notification.getByTestId('error-reference-id')).toHaveText(id!);
  await expect(notification).toContainText(`Reference: ${id}`);
  await expect(notification).toContainText(`Groups Console ${version}`);
  await assertNoSeriousA11yViolations(page, { include: '.mantine-Notification-root', state: 'error notification' });

  await notification.getByRole('button', { name: 'Copy reference' }).click();
  await expect(notification.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);

  // Nothing was removed: the rules are still there.
  await expect(page.getByRole('list', { name: 'Skill conditions' })).toBeVisible();
});
