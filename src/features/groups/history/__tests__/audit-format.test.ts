import { describe, expect, it } from 'vitest';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import {
  dayHeading,
  formatValues,
  grantChanges,
  groupByDay,
  localDayKey,
  relativeTime,
  restorePlan,
  revertBody,
  revertibleChanges,
  rulesDiff,
} from '../audit-format';
import { NO_VALUE } from '../../core/group-vocabulary';

const rules = (skill: string, proficiency = 3) =>
  JSON.stringify({
    skillConditions: [
      {
        routingSkillConditions: [{ routingSkill: skill, comparator: 'GreaterThanOrEqualTo', proficiency }],
        operation: 'And',
      },
    ],
  });

const update: AuditLogMessage = {
  id: 'a1',
  action: 'Update',
  eventDate: '2026-11-20T10:00:00.000Z',
  propertyChanges: [
    { property: 'name', oldValues: ['Sales'], newValues: ['Sales EMEA'] },
    { property: 'description', oldValues: [], newValues: ['New text'] },
    { property: 'callsEnabled', oldValues: ['false'], newValues: ['true'] },
    { property: 'ownerIds', oldValues: ['u1'], newValues: ['u1', 'u2'] },
    {
      property: 'addresses',
      oldValues: ['{"address":"+15551234","type":"GROUPRING","mediaType":"PHONE"}'],
      newValues: [],
    },
    { property: 'type', oldValues: ['official'], newValues: ['social'] },
  ],
  entityChanges: [{ entityId: 'u2', entityName: 'Uma Two', entityType: 'User', oldValues: [], newValues: ['owner'] }],
};

describe('formatValues', () => {
  it('reads each encoding in words', () => {
    expect(formatValues('name', ['Sales'])).toBe('Sales');
    expect(formatValues('description', [])).toBe(NO_VALUE);
    expect(formatValues('callsEnabled', ['true'])).toBe('Yes');
    expect(formatValues('rulesVisible', ['false'])).toBe('No');
    expect(formatValues('ownerIds', ['u1', 'u2'], new Map([['u2', 'Uma Two']]))).toBe('u1, Uma Two');
    expect(formatValues('addresses', ['{"address":"+1555","extension":"12","type":"GROUPRING"}'])).toBe(
      '+1555 ext. 12 (GROUPRING)',
    );
    expect(formatValues('dynamicSettings', [rules('Billing')])).toBe('All of: Routing skill Billing at least 3');
  });
});

describe('rulesDiff', () => {
  it('lists removed, kept and added condition blocks', () => {
    const diff = rulesDiff({ property: 'dynamicSettings', oldValues: [rules('Billing')], newValues: [rules('Sales')] });
    expect(diff.map((l) => l.kind)).toEqual(['removed', 'added']);
    expect(diff[0]!.text).toContain('Billing');
    expect(diff[1]!.text).toContain('Sales');
    expect(rulesDiff({ property: 'dynamicSettings', oldValues: [], newValues: [rules('Sales')] })).toEqual([
      { kind: 'added', text: 'All of: Routing skill Sales at least 3' },
    ]);
  });
});

describe('revert', () => {
  it('puts back the old values of the properties a PUT can set, on the given version', () => {
    expect(revertibleChanges(update).map((c) => c.property)).toEqual([
      'name',
      'description',
      'callsEnabled',
      'ownerIds',
      'addresses',
    ]);
    expect(revertBody(update, 7)).toEqual({
      version: 7,
      name: 'Sales',
      description: '',
      callsEnabled: false,
      ownerIds: ['u1'],
      addresses: [{ address: '+15551234', type: 'GROUPRING', mediaType: 'PHONE' }],
    });
  });

  it('offers nothing for records that are not updates or only change rules', () => {
    expect(revertibleChanges({ ...update, action: 'Create' })).toEqual([]);
    expect(
      revertibleChanges({
        action: 'Update',
        propertyChanges: [{ property: 'dynamicSettings', oldValues: [], newValues: [rules('X')] }],
      }),
    ).toEqual([]);
  });
});

describe('restorePlan', () => {
  it('rebuilds the create body, rules and individuals from a Delete snapshot', () => {
    const plan = restorePlan({
      action: 'Delete',
      entity: { id: 'g1', name: 'Old group' },
      propertyChanges: [
        { property: 'name', oldValues: ['Old group'], newValues: [] },
        { property: 'type', oldValues: ['social'], newValues: [] },
        { property: 'visibility', oldValues: ['members'], newValues: [] },
        { property: 'state', oldValues: ['active'], newValues: [] },
        { property: 'rulesVisible', oldValues: ['false'], newValues: [] },
        { property: 'includeOwners', oldValues: ['true'], newValues: [] },
        { property: 'description', oldValues: ['About it'], newValues: [] },
        { property: 'ownerIds', oldValues: ['o1'], newValues: [] },
        { property: 'dynamicSettings', oldValues: [rules('Billing')], newValues: [] },
      ],
      entityChanges: [
        { entityId: 'o1', entityName: 'Owen', oldValues: ['owner'], newValues: [] },
        { entityId: 'm1', entityName: 'Mia', oldValues: ['individual'], newValues: [] },
      ],
    });
    expect(plan).toEqual({
      create: {
        name: 'Old group',
        type: 'social',
        visibility: 'members',
        rulesVisible: false,
        includeOwners: true,
        description: 'About it',
        ownerIds: ['o1'],
      },
      rules: JSON.parse(rules('Billing')),
      individuals: [{ id: 'm1', name: 'Mia' }],
    });
    expect(restorePlan(update)).toBeNull();
  });
});

describe('days and times', () => {
  it('groups records by local day in the order given', () => {
    const a = { eventDate: new Date(2026, 10, 20, 15).toISOString() };
    const b = { eventDate: new Date(2026, 10, 20, 9).toISOString() };
    const c = { eventDate: new Date(2026, 10, 18, 23).toISOString() };
    expect(groupByDay([a, b, c])).toEqual([
      { day: '2026-11-20', items: [a, b] },
      { day: '2026-11-18', items: [c] },
    ]);
  });

  it('names today and yesterday, and says how long ago', () => {
    const now = new Date(2026, 10, 28, 12);
    expect(dayHeading(localDayKey(now), now)).toBe('Today');
    expect(dayHeading('2026-11-27', now)).toBe('Yesterday');
    expect(dayHeading('2026-11-20', now)).toContain('2026');
    expect(relativeTime(new Date(now.getTime() - 10_000), now)).toBe('just now');
    expect(relativeTime(new Date(now.getTime() - 3 * 60_000), now)).toMatch(/3 minutes ago/);
    expect(relativeTime(new Date(now.getTime() - 2 * 86_400_000), now)).toMatch(/2 days ago/);
  });
});

describe('grantChanges', () => {
  const divisions = new Map([
    ['d-home', 'Home'],
    ['d-emea', 'EMEA'],
  ]);
  const record = (action: string, changes: [string, string[], string[]][]): AuditLogMessage => ({
    action: action as AuditLogMessage['action'],
    entityChanges: changes.map(([entityName, oldValues, newValues]) => ({
      entityId: `r-${entityName}`,
      entityName,
      entityType: 'Role',
      oldValues,
      newValues,
    })),
  });

  it('names each role granted and the divisions it was granted in', () => {
    expect(
      grantChanges(
        record('GrantAdd', [
          ['Group Editor', ['d-home'], ['d-emea', 'd-home']],
          ['Directory Auditor', [], ['*']],
        ]),
        divisions,
      ),
    ).toEqual(['Role Group Editor granted in EMEA', 'Role Directory Auditor granted in all divisions']);
  });

  it('names each role removed and the divisions it was removed in; an unknown division by its id', () => {
    expect(grantChanges(record('GrantRemove', [['Group Editor', ['d-home', 'd-gone'], []]]), divisions)).toEqual([
      'Role Group Editor removed in Home and d-gone',
    ]);
  });

  it('says nothing of other records', () => {
    expect(grantChanges(record('MemberAdd', [['Someone', [], ['individual']]]))).toEqual([]);
  });
});
