import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import type { Group } from '@/api/generated/model/group';
import type { User } from '@/api/generated/model/user';
import type { MembershipCalls } from '../../core/transfer';
import { DEFAULT_EXPORT_COLUMNS, groupsCsv, parseImportCsv, withOwnerEmails } from '../groups-csv';
import { buildImportPlan, createPlanned } from '../import-plan';

describe('groupsCsv', () => {
  it('writes the chosen columns in order and escapes formulas', () => {
    const csv = groupsCsv(
      [{ id: 'g1', name: '=SUM(A1)', type: 'official', visibility: 'public', rulesVisible: false, memberCount: 3 }],
      ['id', 'name', 'rulesVisible', 'memberCount'],
    );
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ['Name', 'Rules visible', 'Member count', 'Id'],
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
        ownerUserIds: [],
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
        ownerUserIds: [],
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
          'Owner "not-an-email" is not an email address or a user id.',
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

describe('an export imports back', () => {
  const ANN = '5e0f6a10-0000-4000-8000-0000000000a1';
  const BOB = '5e0f6a10-0000-4000-8000-0000000000b2';
  const GONE = '5e0f6a10-0000-4000-8000-0000000000c3';
  const users: Record<string, User> = {
    [ANN]: { id: ANN, name: 'Ann Smith', email: 'ann@example.com', version: 1 },
    [BOB]: { id: BOB, name: 'Bob Lee', email: 'bob@example.com', version: 1 },
  };
  // Groups as the API lists them: owners by id and name, no email.
  const listed: Group[] = [
    {
      id: 'g1',
      name: 'Sales, EMEA',
      description: '- quarterly targets',
      type: 'official',
      visibility: 'members',
      rulesVisible: false,
      owners: [
        { id: ANN, name: 'Ann Smith', version: 1 },
        { id: BOB, name: 'Bob Lee', version: 1 },
      ],
      memberCount: 12,
      state: 'active',
      dateModified: '2024-05-01T10:00:00Z',
    },
    {
      id: 'g2',
      name: '=Support',
      type: 'social',
      visibility: 'public',
      rulesVisible: true,
      owners: [],
      memberCount: 0,
    },
    {
      id: 'g3',
      name: 'Orphaned',
      type: 'official',
      visibility: 'owners',
      rulesVisible: true,
      owners: [{ id: GONE, name: 'Gone', version: 1 }],
    },
  ];
  const readUser = vi.fn(async (id: string) => users[id] ?? null);

  it('writes owners by email, reading each owner once, and by id when the email cannot be read', async () => {
    const groups = await withOwnerEmails(listed, readUser);
    expect(readUser).toHaveBeenCalledTimes(3);
    expect(groups[0]?.owners?.map((o) => o.email)).toEqual(['ann@example.com', 'bob@example.com']);
    const csv = Papa.parse<string[]>(groupsCsv(groups, DEFAULT_EXPORT_COLUMNS)).data;
    expect(csv[0]).toEqual([
      'Name',
      'Description',
      'Type',
      'Visibility',
      'Rules visible',
      'Owners',
      'Member count',
      'State',
      'Modified',
      'Id',
    ]);
    expect(csv[1]?.[5]).toBe('ann@example.com; bob@example.com');
    expect(csv[3]?.[5]).toBe(GONE);
  });

  it('reads every line of its own export, skipping the descriptive columns with a note', async () => {
    const parsed = parseImportCsv(groupsCsv(await withOwnerEmails(listed, readUser), DEFAULT_EXPORT_COLUMNS));
    expect(parsed.fileError).toBeUndefined();
    expect(parsed.invalid).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        name: 'Sales, EMEA',
        description: '- quarterly targets',
        type: 'official',
        visibility: 'members',
        rulesVisible: false,
        ownerEmails: ['ann@example.com', 'bob@example.com'],
        ownerUserIds: [],
        memberEmails: [],
      },
      {
        line: 3,
        name: '=Support',
        description: '',
        type: 'social',
        visibility: 'public',
        rulesVisible: true,
        ownerEmails: [],
        ownerUserIds: [],
        memberEmails: [],
      },
      {
        line: 4,
        name: 'Orphaned',
        description: '',
        type: 'official',
        visibility: 'owners',
        rulesVisible: true,
        ownerEmails: [],
        ownerUserIds: [GONE],
        memberEmails: [],
      },
    ]);
    expect(parsed.notes).toEqual([
      expect.stringMatching(/^The Member count column holds member counts: it is not imported/),
      'Not imported, as they describe a group rather than set it: State, Modified, Id.',
    ]);
  });

  it('reads an earlier export whose Members column holds counts as counts, not as emails', () => {
    const parsed = parseImportCsv('Name,Owners,Members\nAlpha,ann@example.com,3\nBeta,,0');
    expect(parsed.invalid).toEqual([]);
    expect(parsed.rows.map((r) => [r.name, r.memberEmails])).toEqual([
      ['Alpha', []],
      ['Beta', []],
    ]);
    expect(parsed.notes[0]).toMatch(/^The Members column holds member counts/);
  });

  it('plans an exported group that exists as it is as unchanged, and names what differs otherwise', async () => {
    const parsed = parseImportCsv(groupsCsv(await withOwnerEmails(listed, readUser), DEFAULT_EXPORT_COLUMNS));
    const byEmail = new Map(Object.values(users).map((u) => [u.email!, u]));
    const existing = new Map([
      ['sales, emea', listed[0]!],
      ['=support', { ...listed[1]!, description: 'Changed since' }],
    ]);
    const plan = buildImportPlan(parsed.rows, parsed.invalid, existing, byEmail, new Set([GONE]));
    expect(plan.map((l) => [l.name, l.status, l.problems])).toEqual([
      ['Sales, EMEA', 'unchanged', []],
      [
        '=Support',
        'exists',
        ['A group with this name already exists. It differs in: Description; the import does not change it.'],
      ],
      ['Orphaned', 'create', []],
    ]);
    expect(plan[2]?.ownerIds).toEqual([GONE]);
    const unknown = buildImportPlan(parsed.rows, parsed.invalid, new Map(), byEmail);
    expect(unknown[2]).toMatchObject({ status: 'invalid', problems: [`Owner ${GONE} is not a known user.`] });
  });
});
