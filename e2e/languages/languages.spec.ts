import type { Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { DEMO_GROUPS, PERSONA_PASSWORD, PERSONAS, someUsers } from '../support/data';
import { expect, signIn, test, waitForNetworkQuiet } from '../support/fixtures';
import { axeViolations } from '../support/a11y';
import { addMembers, createGroup, getGroup, updateGroup } from '../support/groups';
import {
  chooseLanguage,
  englishLeftOn,
  englishMessagesTranslatedIn,
  notPseudoLocalised,
  recordApiAnswers,
} from '../support/languages';
import { memberCards } from '../support/members';
import { assertBadgesWhole, assertNoHorizontalScroll, assertStatusChipsWhole, PHONE } from '../support/phone';

/**
 * The console in the user's language (src/lib/locale.ts, lingui.config.ts): the main journeys (browse,
 * open a group, its members and history, edit it, settings) in German from the browser's language and in
 * Japanese chosen in Settings, with no English message left on those screens; and in the pseudo-locale,
 * where every text shown is either pseudo-localised or data from the API, so a word that bypasses the
 * catalogue shows.
 */

/**
 * Each screen of the journey over `groupId` (a group with members and a change in its history), and
 * what shows once it has its data.
 */
const journey = (groupId: string): { path: string; ready: (page: Page) => Promise<void> }[] => [
  { path: '/groups', ready: (page) => expect(page.locator('main table tbody tr').first()).toBeVisible() },
  {
    path: `/groups/${groupId}`,
    ready: (page) => expect(page.locator('main table tbody tr').first()).toBeVisible(),
  },
  {
    path: `/groups/${groupId}?tab=history`,
    ready: (page) => expect(page.getByRole('main').getByRole('article').first()).toBeVisible(),
  },
  { path: `/groups/${groupId}/edit`, ready: (page) => expect(page.locator('main form input').first()).toBeVisible() },
  { path: '/settings', ready: (page) => expect(page.locator('main form').first()).toBeVisible() },
];

/** A group of this test's own, with two members and one edit, so that every tab has something to word. */
const groupWithHistory = async (baseURL: string): Promise<string> => {
  const admin = await apiAs('admin', baseURL);
  const group = await createGroup(admin, { description: 'Before the edit' });
  const people = await someUsers(admin, 2);
  await addMembers(admin, group.id, { memberIds: people.map((p) => p.id), version: group.version });
  const now = await getGroup(admin, group.id);
  await updateGroup(admin, group.id, { version: now.version, description: 'After the edit' });
  return group.id;
};

const walk = async (page: Page, groupId: string, check: (path: string) => Promise<void>) => {
  for (const { path, ready } of journey(groupId)) {
    await page.goto(path);
    await ready(page);
    await waitForNetworkQuiet(page);
    await check(path);
    // Longer words and other scripts keep every page accessible (label in name included).
    const violations = await axeViolations(page);
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe on ${path}`,
    ).toEqual([]);
  }
};

test.describe('in German, from the browser', () => {
  test.use({ locale: 'de-DE' });

  test('every screen of the journey is in German, dates and numbers too', async ({ page, baseURL }) => {
    const groupId = await groupWithHistory(baseURL!);
    const english = englishMessagesTranslatedIn('de');
    const api = recordApiAnswers(page);
    await signIn(page, 'admin', '/groups');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
    await expect(page.getByRole('heading', { level: 1, name: 'Gruppen' })).toBeVisible();
    await walk(page, groupId, async (path) => {
      expect(await englishLeftOn(page, english, api), `English on ${path}`).toEqual([]);
    });

    // An edit, saved: the form, its button and the notification in German.
    await page.goto(`/groups/${groupId}/edit`);
    await page.getByRole('textbox', { name: 'Beschreibung' }).fill('Nach der Bearbeitung');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: / gespeichert$/ })).toBeVisible();
    expect(await englishLeftOn(page, english, api), 'English after saving').toEqual([]);
  });
});

test.describe('signing in, in German', () => {
  test.use({ locale: 'de-DE' });

  test("the embedded server's sign-in page speaks the console's language, and the console follows", async ({
    page,
  }) => {
    await page.goto('/groups');
    await page.waitForURL(/\/oauth\/authorize/);
    expect(new URL(page.url()).searchParams.get('ui_locales')).toBe('de-DE');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await page.getByLabel('E-Mail').fill(PERSONAS.admin.email);
    await page.getByLabel('Passwort').fill(PERSONA_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gruppen' })).toBeVisible();
  });
});

test.describe('in Japanese, chosen in Settings', () => {
  test('Settings switches the language at once, and every screen of the journey is in Japanese', async ({
    page,
    baseURL,
  }) => {
    const groupId = await groupWithHistory(baseURL!);
    await signIn(page, 'admin', '/settings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await page.getByRole('combobox', { name: 'Language of the console' }).click();
    await page.getByRole('option', { name: '日本語' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1, name: '設定' })).toBeVisible();
    // A language puts the name where its grammar wants it: the user button's name ends with "the user menu".
    await expect(
      page.getByRole('button', { name: `${PERSONAS.admin.name} Groups Demo Org のユーザーメニュー` }),
    ).toBeVisible();

    const english = englishMessagesTranslatedIn('ja');
    const api = recordApiAnswers(page);
    await walk(page, groupId, async (path) => {
      expect(await englishLeftOn(page, english, api), `English on ${path}`).toEqual([]);
    });
  });
});

test.describe('in the pseudo-locale', () => {
  test('every text of the journey went through the catalogue, or is data', async ({ page, baseURL }) => {
    const groupId = await groupWithHistory(baseURL!);
    await chooseLanguage(page, 'en-XA');
    const api = recordApiAnswers(page);
    await signIn(page, 'admin', '/groups');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    await walk(page, groupId, async (path) => {
      expect(await notPseudoLocalised(page, api), `words not from the catalogue on ${path}`).toEqual([]);
    });
  });
});

for (const { name, language } of [
  { name: 'the pseudo-locale', language: 'en-XA' },
  { name: 'German', language: 'de' },
]) {
  test.describe(`on a phone, in ${name}`, () => {
    test.use(PHONE);

    test('the list and a large group fit: nothing scrolls sideways, no badge or status chip is cut short', async ({
      page,
    }) => {
      await chooseLanguage(page, language);
      await signIn(page, 'admin', '/groups');
      await expect(page.locator('main table tbody tr').first()).toBeVisible();
      await assertNoHorizontalScroll(page);
      await assertBadgesWhole(page);

      await page.goto(`/groups/${DEMO_GROUPS.allStaff.id}`);
      await expect(memberCards(page).first()).toBeVisible();
      await expect(page.getByTestId('roster-panel')).toBeVisible({ timeout: 30_000 });
      await assertNoHorizontalScroll(page);
      await assertBadgesWhole(page);
      await assertStatusChipsWhole(page);
    });
  });
}

/**
 * Where the user chose no language: the account's own language in Genesys Cloud (users/me's
 * `languagePreference`), then the deployment's default (config.json's `language`), before the browser's.
 * The demo's personas set no language of their own, so each test sets one on the real answer in the
 * browser (a real org's users/me carries it); everything else is the embedded server as it is.
 */
test.describe('without a choice in Settings', () => {
  test("the account's Genesys Cloud language: the page loads again in it, and is in it from then on", async ({
    page,
  }) => {
    await page.route(
      (url) => url.pathname === '/api/v2/users/me',
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { languagePreference?: string };
        expect(new URL(route.request().url()).searchParams.get('expand')?.split(',')).toContain('languagePreference');
        await route.fulfill({ response, json: { ...body, languagePreference: 'de' } });
      },
    );
    await signIn(page, 'admin', '/groups');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1, name: 'Gruppen' })).toBeVisible();
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();

    // A choice in Settings outranks it.
    await page.getByRole('combobox', { name: 'Sprache der Konsole' }).click();
    await page.getByRole('option', { name: 'English', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  });

  test("the deployment's default language, when the account sets none", async ({ page }) => {
    await page.route(
      (url) => url.pathname.endsWith('/config.json'),
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, json: { ...(await response.json()), language: 'ja' } });
      },
    );
    await signIn(page, 'admin', '/groups');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1, name: 'グループ' })).toBeVisible();
  });
});

test.describe('an invalid config.json, in German', () => {
  test.use({ locale: 'de-DE' });

  test('the page naming its problems replaces the console, in the browser’s language', async ({ page }) => {
    await page.route(
      (url) => url.pathname.endsWith('/config.json'),
      (route) => route.fulfill({ json: { environment: { kind: 'other' } } }),
    );
    await page.goto('/groups');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Die Konsole kann nicht starten/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
    await expect(page.getByRole('listitem').first()).toContainText('environment.kind');
  });
});

test.describe('before the console has loaded', () => {
  // The scripts this test keeps away.
  test.use({ locale: 'de-DE', allowedConsoleErrors: [/net::ERR_FAILED .*\/assets\/.*\.js/] });

  test('the loading screen has no words to translate: the product’s name and a bar', async ({ page }) => {
    // The console's code kept away: index.html's own screen is what shows.
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto('/groups', { waitUntil: 'domcontentloaded' });
    const boot = page.getByRole('main');
    await expect(boot.getByRole('heading', { level: 1 })).toHaveText('Groups Console');
    await expect(boot).toHaveText('Groups Console');
    await expect(boot).toHaveAttribute('aria-busy', 'true');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
  });
});
