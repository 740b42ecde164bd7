import { describe, expect, it } from 'vitest';
import type { AuthzGrant } from '@/api/generated/model/authzGrant';
import {
  divisionsInWords,
  grantedRoles,
  moveRoleChange,
  peopleRoleLossSentences,
  personRoleLossSentence,
  roleGainSentence,
  roleInWords,
  roleLossSentence,
  rolesLostLeaving,
  type GrantedRole,
} from '../group-grants';

const editor = {
  id: 'r-editor',
  name: 'Group Editor',
  description: 'Edits groups.',
  policies: [
    { domain: 'directory', entityName: 'group', actions: ['edit'] },
    { domain: 'directory', entityName: 'user', actions: ['view'] },
  ],
};
const auditor = { id: 'r-auditor', name: 'Directory Auditor' };
const home = { id: 'd-home', name: 'Home', description: '', homeDivision: true };
const emea = { id: 'd-emea', name: 'EMEA', description: '' };
const all = { id: '*', name: 'All divisions', description: '' };

const grant = (
  role: AuthzGrant['role'],
  division: AuthzGrant['division'],
  subjectId = 'g1',
  at = '2026-11-02T10:00:00Z',
) => ({ subjectId, role, division, grantMadeAt: at }) satisfies AuthzGrant;

describe('grantedRoles', () => {
  it('lists each role once with every division, its permission count and its first grant', () => {
    const roles = grantedRoles([
      grant(editor, home, 'g1', '2026-11-03T10:00:00Z'),
      grant(editor, emea, 'g1', '2026-11-01T10:00:00Z'),
      grant(auditor, home),
    ]);
    expect(roles.map((r) => [r.roleName, r.divisions.map((d) => d.name), r.permissionCount, r.grantedAt])).toEqual([
      ['Group Editor', ['Home', 'EMEA'], 2, '2026-11-01T10:00:00Z'],
      ['Directory Auditor', ['Home'], undefined, '2026-11-02T10:00:00Z'],
    ]);
  });

  it('keeps only the grants held through one subject when asked (a person’s roles through a group)', () => {
    const grants = [grant(editor, all, 'g1'), grant(auditor, home, 'person'), grant(auditor, home, 'g2')];
    expect(grantedRoles(grants, 'g1').map(roleInWords)).toEqual(['Group Editor in all divisions']);
    expect(grantedRoles(grants, 'g2').map(roleInWords)).toEqual(['Directory Auditor in Home']);
  });
});

describe('wording', () => {
  it('says "all divisions" when a grant covers every division', () => {
    expect(divisionsInWords([home, all])).toBe('all divisions');
    expect(divisionsInWords([home, emea])).toBe('Home and EMEA');
    expect(divisionsInWords([home, emea, { id: 'd-apac', name: 'APAC' }])).toBe('Home, EMEA, and APAC');
  });

  it('names what the people leaving lose, in the number they are', () => {
    const roles = grantedRoles([grant(editor, all), grant(auditor, home)]);
    expect(roleLossSentence(2, roles.slice(0, 1))).toBe(
      '2 people lose Group Editor in all divisions, which they hold through this group.',
    );
    expect(roleLossSentence(1, roles)).toBe(
      '1 person loses Group Editor in all divisions and Directory Auditor in Home, which they hold through this group.',
    );
    expect(roleLossSentence(1_250, roles.slice(1))).toBe(
      '1,250 people lose Directory Auditor in Home, which they hold through this group.',
    );
  });

  it('says nothing when nobody leaves or the group grants nothing', () => {
    expect(roleLossSentence(0, grantedRoles([grant(editor, all)]))).toBeNull();
    expect(roleLossSentence(3, [])).toBeNull();
  });
});

describe('moving people between groups', () => {
  const words = (change: { lost: GrantedRole[]; gained: GrantedRole[] }) => ({
    lost: change.lost.map(roleInWords),
    gained: change.gained.map(roleInWords),
  });

  it('loses what only the source grants and gains what only the target grants', () => {
    const source = grantedRoles([grant(editor, all, 's')], 's');
    const target = grantedRoles([grant(auditor, home, 't')], 't');
    expect(words(moveRoleChange(source, target))).toEqual({
      lost: ['Group Editor in all divisions'],
      gained: ['Directory Auditor in Home'],
    });
  });

  it('keeps a role the target grants too, over every division or the same ones', () => {
    const source = grantedRoles([grant(editor, home, 's'), grant(editor, emea, 's'), grant(auditor, home, 's')], 's');
    // Over every division it covers the source's divisions, and more.
    expect(words(moveRoleChange(source, grantedRoles([grant(editor, all, 't')], 't')))).toEqual({
      lost: ['Directory Auditor in Home'],
      gained: ['Group Editor in all divisions'],
    });
    // Only the divisions the target leaves out are lost.
    expect(
      words(moveRoleChange(source, grantedRoles([grant(editor, emea, 't'), grant(auditor, home, 't')], 't'))),
    ).toEqual({
      lost: ['Group Editor in Home'],
      gained: [],
    });
  });

  it('loses the source’s roles when the target grants nothing (or its roles are off)', () => {
    const source = grantedRoles([grant(editor, all, 's'), grant(auditor, home, 's')], 's');
    expect(words(moveRoleChange(source, []))).toEqual({
      lost: ['Group Editor in all divisions', 'Directory Auditor in Home'],
      gained: [],
    });
  });

  it('names the source in the loss and the target in the gain', () => {
    const roles = grantedRoles([grant(editor, all)]);
    expect(roleLossSentence(3, roles, 'Night Shift')).toBe(
      '3 people lose Group Editor in all divisions, which they hold through Night Shift.',
    );
    expect(roleGainSentence(1, roles, 'Day Shift')).toBe(
      '1 person gains Group Editor in all divisions through Day Shift.',
    );
    expect(roleGainSentence(2, [], 'Day Shift')).toBeNull();
    expect(roleGainSentence(0, roles, 'Day Shift')).toBeNull();
  });
});

describe('rolesLostLeaving', () => {
  // Ann holds Group Editor in Home through Sales, Directory Auditor everywhere through Nights, and
  // Group Editor in EMEA through Nights and as a grant of her own.
  const held = grantedRoles([
    grant(editor, home, 'sales'),
    grant(auditor, all, 'nights'),
    grant(editor, emea, 'nights'),
    grant(editor, emea, 'ann'),
  ]);
  const sales = { id: 'sales', name: 'Sales' };
  const nights = { id: 'nights', name: 'Nights' };

  it('names, for each group left, the roles no group she stays in and no grant of her own gives', () => {
    const lost = rolesLostLeaving(held, [sales, nights]);
    expect(lost.map((l) => [l.through, l.roles.map(roleInWords)])).toEqual([
      ['Sales', ['Group Editor in Home']],
      ['Nights', ['Directory Auditor in all divisions']],
    ]);
  });

  it('keeps what a group she stays in or joins gives as well', () => {
    const alsoSales = grantedRoles([grant(editor, home, 'sales'), grant(editor, home, 'support')]);
    expect(rolesLostLeaving(alsoSales, [sales])).toEqual([]);
    const joining = grantedRoles([grant(auditor, all, 'new')], 'new');
    expect(rolesLostLeaving(held, [nights], joining)).toEqual([]);
  });

  it('names a role two groups left give only once, with the first', () => {
    const twice = grantedRoles([grant(auditor, home, 'sales'), grant(auditor, home, 'nights')]);
    const lost = rolesLostLeaving(twice, [sales, nights]);
    expect(lost.map((l) => l.through)).toEqual(['Sales']);
  });
});

describe('personRoleLossSentence', () => {
  const supervisor = { roleName: 'Supervisor', divisions: [{ id: 'd-home', name: 'Home', home: true }] };
  const everywhere = { roleName: 'Group Editor', divisions: [{ id: '*', name: 'All divisions', home: false }] };

  it('names the person, the roles and the group they came through', () => {
    expect(personRoleLossSentence('Ann Lee', [{ through: 'Sales Team', roles: [supervisor] }])).toBe(
      'Ann Lee loses Supervisor in Home, held through Sales Team.',
    );
    expect(
      personRoleLossSentence('Ann Lee', [
        { through: 'Sales Team', roles: [supervisor] },
        { through: 'Night Shift', roles: [everywhere] },
      ]),
    ).toBe(
      'Ann Lee loses Supervisor in Home, held through Sales Team; and Group Editor in all divisions, held through Night Shift.',
    );
    expect(personRoleLossSentence('Ann Lee', [{ through: 'Sales Team', roles: [supervisor] }], { may: true })).toBe(
      'Ann Lee may lose Supervisor in Home, held through Sales Team.',
    );
  });

  it('says nothing when nothing is lost', () => {
    expect(personRoleLossSentence('Ann Lee', [])).toBeNull();
    expect(personRoleLossSentence('Ann Lee', [{ through: 'Sales Team', roles: [] }])).toBeNull();
  });
});

describe('peopleRoleLossSentences', () => {
  const groupRoles = grantedRoles([grant(editor, all, 'g1'), grant(auditor, home, 'g1')], 'g1');
  const auditorHome = grantedRoles([grant(auditor, home, 'other')]);

  it('groups people losing the same roles, names one person, and counts those keeping everything', () => {
    const sentences = peopleRoleLossSentences(
      groupRoles,
      [
        { name: 'Ann Lee', kept: [], complete: true },
        { name: 'Bo Chen', kept: [], complete: true },
        { name: 'Cy Diaz', kept: auditorHome, complete: true },
        { name: 'Di Eng', kept: groupRoles, complete: true },
      ],
      'Sales Team',
    );
    expect(sentences).toEqual([
      '2 people lose Group Editor in all divisions and Directory Auditor in Home, which they hold through Sales Team.',
      'Cy Diaz loses Group Editor in all divisions, held through Sales Team.',
      '1 person keeps what Sales Team grants, through another group or a grant of their own.',
    ]);
  });

  it('says "may lose" for people whose other roles were not read', () => {
    expect(
      peopleRoleLossSentences(
        groupRoles,
        [
          { name: 'Ann Lee', kept: [], complete: false },
          { name: 'Bo Chen', kept: [], complete: false },
        ],
        'Sales Team',
      ),
    ).toEqual([
      '2 people may lose Group Editor in all divisions and Directory Auditor in Home, which they hold through Sales Team, unless another group or a grant of their own gives them the same.',
    ]);
    expect(peopleRoleLossSentences(groupRoles, [{ name: 'Ann Lee', kept: [], complete: false }], 'Sales')).toEqual([
      'Ann Lee may lose Group Editor in all divisions and Directory Auditor in Home, held through Sales.',
    ]);
  });

  it('says nothing when the group grants nothing', () => {
    expect(peopleRoleLossSentences([], [{ kept: [], complete: true }], 'Sales')).toEqual([]);
  });
});
