import { assertNoSeriousA11yViolations } from '../support/a11y';
import { expect } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';
import { PERSONAS } from '../support/data';

/**
 * The sign-in page after five wrong passwords, on a dedicated server with the default lockout
 * settings (the shared end-to-end server has no per-address limit, and its accounts must not lock).
 */
const test = testWithOwnServer();

// The sign-in page answers a wrong password with 400 and a locked account with 429.
test.use({ allowedConsoleErrors: [/status of (400|429) .*\/oauth\/authorize/] });

test('five wrong passwords lock the account, and the page says when to try again', async ({ page, ownServer }) => {
  await page.goto('/groups');
  await page.waitForURL(/\/oauth\/authorize/);
  const attempt = async (password: string) => {
    await page.getByLabel('Email').fill(PERSONAS.admin.email);
    await page.getByLabel('Password').fill(password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/oauth/authorize') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    return response;
  };
  for (let i = 1; i <= 4; i++) {
    const response = await attempt(`wrong-${i}`);
    expect(response.status()).toBe(400);
    await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect.');
  }
  const fifth = await attempt('wrong-5');
  expect(fifth.status()).toBe(429);
  expect(fifth.headers()['retry-after']).toBe('60');
  await expect(page.getByRole('alert')).toHaveText(
    'Too many failed sign-in attempts. Sign-in is paused for your security: try again in 1 minute.',
  );
  await assertNoSeriousA11yViolations(page, { state: 'sign-in page, locked' });

  // The right password is refused too while the lockout lasts.
  const locked = await attempt('demo');
  expect(locked.status()).toBe(429);
  await expect(page.getByRole('alert')).toContainText('try again in');
  await expect(page).toHaveURL(/\/oauth\/authorize/);

  // An unknown email gets the very same answers.
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByLabel('Password').fill('guess');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(page.getByRole('alert')).toHaveText(
    'Too many failed sign-in attempts. Sign-in is paused for your security: try again in 1 minute.',
  );

  // The server logged the lockout, without the passwords.
  await expect.poll(() => ownServer.output()).toContain('"event":"sign-in.lockout"');
  expect(ownServer.output()).not.toContain('wrong-5');
});
