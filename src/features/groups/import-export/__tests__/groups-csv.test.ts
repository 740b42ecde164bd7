import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import type { MembershipCalls } from '../../core/transfer';
import { groupsCsv, parseImportCsv } from '../groups-csv';
import { buildImportPlan, createPlanned } from '../import-plan';

describe('groupsCsv', () => {
  it('writes the chosen columns in order and escapes formulas', () => {
    const csv = groupsCsv(
      [{ id: 'g1', name: '=SUM(A1)', type: 'official', visibility: 'public', rulesVisible: false, memberCount: 3 }],
      ['id', 'name', 'rulesVisible', 'memberCount'],
    );
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ['Name', 'Rules visible', 'Members', 'Id'],
      ["'=SUM(A1)", 'false', '3', 'g1'],
    ]);
  });
});

describe('parseImportCsv', () => {
  it('reads headers in any case and order, with defaults, and says what is wrong per line', () => {
    const parsed = parseImportCsv(
      [
        'members;NAME;Type;visibility;Rules Visible;owners',
        '"Ann <ann@example.com>, bob@example.com";Site A;;;;',
        ';Site B;social;Members only;no;carol@example.com',
        ';;official;public;;',
        ';Site C;team;secret;maybe;not-an-email',
        ';site a;;;;',
      ].join('\n'),
    );
    expect(parsed.fileError).toBeUndefined();
    expect(parsed.rows).toEqual([
      {
        line: 2,
        name: 'Site A',
        description: '',
        type: 'official',
        visibility: 'public',
        rulesVisible: true,
        ownerEmails: [],
        memberEmails: ['ann@example.com', 'bob@example.com'],
      },
      {
        line: 3,
        name: 'Site B',
        description: '',
        type: 'social',
        visibility: 'members',
        rulesVisible: false,
        ownerEmails: ['carol@example.com'],
        memberEmails: [],
      },
    ]);
    expect(parsed.invalid).toEqual([
      { line: 4, name: '', problems: ['Name is empty.'] },
      {
        line: 5,
        name: 'Site C',
        problems: [
          'Type "team" is not official or social.',
          'Visibility "secret" is not public, owners or members.',
          'Rules visible "maybe" is not true or false.',
          'Owner "not-an-email" is not an email address.',
        ],
      },
      { line: 6, name: 'site a', problems: ['The same name is on line 2.'] },
    ]);
  });

  it('refuses a file without a Name column', () => {
    expect(parseImportCsv('a,b\n1,2').fileError).toMatch(/Name column/);
  });
});

describe('buildImportPlan and createPlanned', () => {
  const parsed = parseImportCsv('Name,Members\nNew,ann@example.com\nOld,\nGhost,ghost@example.com');
  const users = new Map([['ann@example.com', { id: 'u-ann', version: 1 }]]);
  const plan = buildImportPlan(parsed.rows, parsed.invalid, new Set(['old']), users);

  it('marks each line: created, already exists, unknown member', () => {
    expect(plan.map((l) => [l.line, l.status, l.problems])).toEqual([
      [2, 'create', []],
      [3, 'exists', ['A group with this name already exists.']],
      [4, 'invalid', ['Member ghost@example.com is not a known user.']],
    ]);
    expect(plan[0]?.memberIds).toEqual(['u-ann']);
  });

  const membership = (fail: boolean): MembershipCalls => ({
    fetchVersion: async () => 1,
    add: async () => {
      if (fail) throw new ApiError(403, { message: 'Missing permission' });
    },
    remove: async () => undefined,
  });

  it('creates the group and adds its members', async () => {
    const create = vi.fn(async () => ({ id: 'g-new', name: 'New', version: 1 }) as never);
    const result = await createPlanned(plan[0]!, { create, remove: vi.fn(), membership: membership(false) });
    expect(result).toEqual({ line: 2, name: 'New', outcome: 'created', groupId: 'g-new' });
    expect(create).toHaveBeenCalledWith({ name: 'New', type: 'official', visibility: 'public', rulesVisible: true });
  });

  it('deletes the group again when its members cannot be added', async () => {
    const remove = vi.fn(async () => undefined);
    const result = await createPlanned(plan[0]!, {
      create: async () => ({ id: 'g-new' }) as never,
      remove,
      membership: membership(true),
    });
    expect(remove).toHaveBeenCalledWith('g-new');
    expect(result.outcome).toBe('notCreated');
    expect(result.reason).toMatch(/1 of 1 members could not be added .*The group was deleted again/);
  });

  it('says exactly what exists when the delete fails too', async () => {
    const result = await createPlanned(plan[0]!, {
      create: async () => ({ id: 'g-new' }) as never,
      remove: async () => {
        throw new Error('Server down');
      },
      membership: membership(true),
    });
    expect(result).toMatchObject({ outcome: 'incomplete', groupId: 'g-new' });
    expect(result.reason).toMatch(/Deleting it again failed \(Server down\): it exists with 0 of 1 members/);
  });
});
