import { describe, expect, it } from 'vitest';
import { changedFields, describeConflict, formatFieldValue, reapplyChanges } from '../group-diff';
import { emptyGroupFormValues, type GroupFormValues } from '../group-schema';

const base = (over: Partial<GroupFormValues> = {}): GroupFormValues => ({
  ...emptyGroupFormValues(),
  name: 'Escalations',
  description: 'Hard cases',
  owners: [
    { id: 'u1', name: 'Olivia Owens' },
    { id: 'u2', name: 'Sam Smith' },
  ],
  addresses: [{ key: 'a', type: 'GROUPRING', address: '5550100', extension: '' }],
  ...over,
});

describe('changedFields', () => {
  it('finds nothing between equal values, ignoring row keys, whitespace and owner order', () => {
    const other = base({
      name: ' Escalations ',
      owners: [
        { id: 'u2', name: 'Sam Smith' },
        { id: 'u1', name: 'Olivia Owens' },
      ],
      addresses: [{ key: 'b', type: 'GROUPRING', address: '5550100 ', extension: '' }],
    });
    expect(changedFields(base(), other)).toEqual([]);
  });

  it('lists changed fields in form order', () => {
    expect(changedFields(base(), base({ callsEnabled: true, name: 'New', owners: [] }))).toEqual([
      'name',
      'callsEnabled',
      'owners',
    ]);
  });
});

describe('describeConflict and reapplyChanges', () => {
  const loaded = base();
  const current = base({ description: 'Changed by someone else', visibility: 'members' });
  const mine = base({ name: 'Escalations (tier 2)', visibility: 'owners' });

  it('shows both sides of every changed field', () => {
    const conflict = describeConflict(loaded, current, mine);
    expect(conflict.rows.map((r) => [r.field, r.theyChanged, r.iChanged])).toEqual([
      ['name', false, true],
      ['description', true, false],
      ['visibility', true, true],
    ]);
    const visibility = conflict.rows.find((r) => r.field === 'visibility')!;
    expect(visibility).toMatchObject({ loaded: 'Public', theirs: 'Members only', mine: 'Owners only' });
    expect(conflict.overlapping).toEqual(['visibility']);
  });

  it('puts the user’s changed fields onto the current version and keeps the others’', () => {
    const merged = reapplyChanges(loaded, current, mine);
    expect(merged.name).toBe('Escalations (tier 2)');
    expect(merged.description).toBe('Changed by someone else');
    expect(merged.visibility).toBe('owners');
    expect(changedFields(current, merged)).toEqual(['name', 'visibility']);
  });

  it('formats values for people', () => {
    expect(formatFieldValue(base({ description: '' }), 'description')).toBe('(none)');
    expect(formatFieldValue(base(), 'owners')).toBe('Olivia Owens, Sam Smith');
    expect(
      formatFieldValue(
        base({ addresses: [{ key: 'x', type: 'GROUPPHONE', address: '555', extension: '9' }] }),
        'addresses',
      ),
    ).toBe('Phone 555 ext. 9');
    expect(formatFieldValue(base({ rolesEnabled: true }), 'rolesEnabled')).toBe('Yes');
  });
});
