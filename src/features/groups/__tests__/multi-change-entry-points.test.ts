import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every action that changes more than one person or group asks first, through the one shared
 * confirmation (core/multi-change-confirm.tsx). The screens that start such a change are found by
 * what they call: the membership runs and batches, the transfers, and the group deletes and creations
 * made one by one. A new screen that starts one without the confirmation fails here.
 */
const FEATURES = resolve(__dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

/** Calls that change several members of a group, one person in several groups, or several groups. */
const MULTI_CHANGE_STARTERS: readonly RegExp[] = [
  /\buseMembershipChange\(/,
  /\buseMembershipRun\(/,
  /\bchangeGroup\(/,
  /\brunTransfer\(/,
  /\brunMembershipBatches\(/,
  /\bcreatePlanned\(/,
  /\bdeleteGroup\(/,
  /\baddGroupMembers\(/,
  /\bremoveGroupMembers\(/,
  /\buseRestoreGroupMutation\(/,
];

/** Screens that start such a change with a confirmation of their own, and why that one fits better. */
const OWN_CONFIRMATION: Record<string, string> = {
  'groups/history/recently-deleted-page.tsx':
    'a restore brings back one deleted group as a new one; its confirmation lists the owners, every individual member and the rules it restores',
};

/** The screens known to start changes of several people or groups (so the search above is seen to work). */
const KNOWN_ENTRY_POINTS = [
  'groups/across/copy-move-dialog.tsx',
  'groups/across/person-groups-panel.tsx',
  'groups/bulk/bulk-delete-dialog.tsx',
  'groups/compare/use-compare-actions.tsx',
  'groups/import-export/import-groups-dialog.tsx',
  'groups/members/add-members-dialog.tsx',
  'groups/members/remove-members-button.tsx',
];

const files = sources(FEATURES).map((path) => ({ path: relative(FEATURES, path), text: readFileSync(path, 'utf8') }));
// Components start changes; plain modules (core/, the import plan, the run hook) only carry them out.
const entryPoints = files
  .filter((f) => f.path.endsWith('.tsx') && MULTI_CHANGE_STARTERS.some((re) => re.test(f.text)))
  .filter((f) => !(f.path in OWN_CONFIRMATION));

describe('changes of several people or groups', () => {
  it('are found where they start', () => {
    expect(entryPoints.map((f) => f.path).sort()).toEqual(expect.arrayContaining(KNOWN_ENTRY_POINTS));
  });

  it.each(entryPoints.map((f) => [f.path, f.text] as const))('%s asks through the shared confirmation', (_, text) => {
    expect(text).toMatch(/from '\.\.\/core\/multi-change-confirm'/);
    expect(text).toMatch(/\bconfirmMultiChange\(\{/);
    // Not the plain confirm, whose wording names neither the count nor the group.
    expect(text).not.toMatch(/\bconfirmAction\(/);
  });

  it('keep the screens with a confirmation of their own to those listed', () => {
    for (const path of Object.keys(OWN_CONFIRMATION)) {
      const file = files.find((f) => f.path === path);
      expect(file, path).toBeDefined();
      expect(file!.text).toMatch(/\bconfirmAction\(/);
    }
  });
});
