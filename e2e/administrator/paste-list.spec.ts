import type { Locator, Page } from '@playwright/test';
import { apiAs, type Api } from '../support/api';
import { someUsers, type UserBody } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, groupPath, uniqueName, type Listing } from '../support/groups';
import { scanDialogInBothThemes } from './themes';

/**
 * Two active people with the same name: the demo org gives a second "Ann Smith" the address
 * ann.smith2@example.com, so a numbered address leads to a name shared with someone else.
 */
const twoPeopleNamedAlike = async (api: Api): Promise<[UserBody, UserBody]> => {
  for (let page = 2; page < 25; page += 1) {
    const { entities } = await api.get<Listing<UserBody>>(`/api/v2/users?pageSize=100&pageNumber=${page}`);
    for (const twin of entities.filter((u) => /^[a-z-]+\.[a-z-]+\d+@example\.com$/.test(u.email))) {
      const { results = [] } = await api.post<{ results?: UserBody[] }>('/api/v2/users/search', {
        query: [{ type: 'TERMS', fields: ['name'], values: [twin.name] }],
        pageSize: 25,
      });
      if (results.length === 2) return [results[0]!, results[1]!];
    }
  }
  throw new Error('The demo org has no two active people with the same name');
};

const openPasteList = async (page: Page, groupId: string): Promise<Locator> => {
  await signIn(page, 'admin', `/groups/${groupId}`);
  // An empty group offers the button twice (its header and its empty members list).
  await page.getByRole('button', { name: 'Add members' }).first().click();
  const dialog = page.getByRole('dialog', { name: /Add members/ });
  await dialog.getByText('Paste a list').click();
  return dialog;
};

test('an ambiguous name is chosen in place, repeats are counted, lines show as pasted and the report lists every line', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const [first, second] = await twoPeopleNamedAlike(api);
  const [member, ann] = (await someUsers(api, 8)).filter((u) => u.name !== first.name);
  const group = await createGroup(api, { name: uniqueName('paste ambiguous') });
  await addMembers(api, group.id, { memberIds: [member!.id] });

  const dialog = await openPasteList(page, group.id);
  const annAsPasted = `${ann!.name} <${ann!.email}>`;
  const nobody = `nobody-${Date.now()}@nowhere.example`;
  const pasted = [annAsPasted, first.name, nobody, ann!.email.toUpperCase(), member!.email, first.name].join('\n');
  await dialog.getByRole('textbox', { name: 'Emails or names' }).fill(pasted);
  await dialog.getByRole('button', { name: 'Check list' }).click();

  const checked = dialog.getByRole('table', { name: 'Checked list' });
  await expect(checked.locator('tbody tr')).toHaveCount(4);
  await expect(dialog.getByText('2 duplicate lines merged')).toBeVisible();
  // The line as pasted (display name and brackets), not only the address looked up.
  await expect(checked.locator('tbody tr').first().locator('td').first()).toHaveText(annAsPasted);

  const choice = checked.getByRole('radiogroup', { name: `Who is "${first.name}"?` });
  await expect(choice.getByRole('radio')).toHaveCount(3);
  await expect(choice).toContainText(first.email);
  await expect(choice).toContainText(second.email);
  await expect(dialog.getByRole('button', { name: 'Add 1 person' })).toBeVisible();
  await expect(choice.getByRole('radio', { name: `${first.name}, ${first.email}` })).toBeEnabled();
  await choice.getByRole('radio', { name: `${second.name}, ${second.email}` }).check();
  await scanDialogInBothThemes(page, 'paste a list, an ambiguous name chosen');

  // The add itself is unchanged: the button sends the matched and the chosen people.
  await dialog.getByRole('button', { name: 'Add 2 people' }).click();
  // Two people: the shared confirmation asks first.
  await page
    .getByRole('dialog', { name: /^Add 2 people to / })
    .getByRole('button', { name: 'Add 2 people' })
    .click();
  await expect(dialog.getByRole('status').filter({ hasText: '2 people added' })).toBeVisible();

  const report = dialog.getByRole('table', { name: 'Outcome of each line' });
  await expect(report.locator('tbody tr')).toHaveCount(6);
  const outcomes = await report
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((c) => c.textContent)));
  expect(outcomes).toEqual([
    [annAsPasted, 'Added', `${ann!.name} ${ann!.email}`],
    [first.name, 'Added', `${second.name} ${second.email}`],
    [nobody, 'Not found', '–'],
    [member!.email, 'Already a member', `${member!.name} ${member!.email}`],
    [ann!.email.toUpperCase(), 'Duplicate, merged', `Same as "${annAsPasted}"`],
    [first.name, 'Duplicate, merged', `Same as "${first.name}"`],
  ]);
  await scanDialogInBothThemes(page, 'paste a list, outcome of each line');

  const members = await api.get<Listing<UserBody>>(`${groupPath(group.id, 'members')}?pageSize=25`);
  expect(members.entities.map((u) => u.id).sort()).toEqual([member!.id, ann!.id, second.id].sort());
});

test('a very long word in the list wraps inside the dialog instead of widening the table', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const group = await createGroup(api, { name: uniqueName('paste long word') });
  const dialog = await openPasteList(page, group.id);
  const longWord = 'x'.repeat(200);
  await dialog.getByRole('textbox', { name: 'Emails or names' }).fill(`${longWord}\nnobody@nowhere.example`);
  await dialog.getByRole('button', { name: 'Check list' }).click();
  const checked = dialog.getByRole('table', { name: 'Checked list' });
  await expect(checked.getByRole('cell', { name: longWord })).toBeVisible();

  const body = page.locator('.mantine-Modal-body');
  const widths = await checked.evaluate(
    (table, modalBody) => {
      const box = (modalBody as HTMLElement).getBoundingClientRect();
      const own = table.getBoundingClientRect();
      return { table: table.scrollWidth, right: own.right, body: box.width, bodyRight: box.right };
    },
    await body.elementHandle(),
  );
  expect(widths.table).toBeLessThanOrEqual(widths.body);
  expect(widths.right).toBeLessThanOrEqual(widths.bodyRight + 1);
  // Every column's header stays on screen.
  for (const header of ['Line', 'Result', 'Person'])
    await expect(checked.getByRole('columnheader', { name: header })).toBeInViewport();
  await scanDialogInBothThemes(page, 'paste a list, a very long word');
});
