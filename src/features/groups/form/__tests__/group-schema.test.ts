import { describe, expect, it } from 'vitest';
import type { Group } from '@/api/generated/model/group';
import {
  emptyGroupFormValues,
  formValuesToCreate,
  formValuesToUpdate,
  groupFormSchema,
  groupToFormValues,
  newPhoneRow,
  type GroupFormValues,
} from '../group-schema';

const valid = (over: Partial<GroupFormValues> = {}): GroupFormValues => ({
  ...emptyGroupFormValues(),
  name: 'Night shift',
  ...over,
});

const issuePaths = (values: unknown) => {
  const result = groupFormSchema.safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('groupFormSchema', () => {
  it('accepts a minimal group', () => {
    expect(issuePaths(valid())).toEqual([]);
  });

  it('requires a name that is not blank and at most 256 characters', () => {
    expect(issuePaths(valid({ name: '   ' }))).toEqual(['name']);
    expect(issuePaths(valid({ name: 'x'.repeat(257) }))).toEqual(['name']);
    expect(issuePaths(valid({ name: 'x'.repeat(256) }))).toEqual([]);
  });

  it('limits the description to 4000 characters', () => {
    expect(issuePaths(valid({ description: 'd'.repeat(4001) }))).toEqual(['description']);
  });

  it('rejects values outside the enums', () => {
    expect(issuePaths({ ...valid(), type: 'secret' })).toEqual(['type']);
    expect(issuePaths({ ...valid(), visibility: 'everyone' })).toEqual(['visibility']);
  });

  it('checks phone numbers and extensions row by row', () => {
    const rows = [
      { ...newPhoneRow(), address: '+1 (317) 555-0100', extension: '12' },
      { ...newPhoneRow(), address: 'call me' },
      { ...newPhoneRow(), address: '12' },
      { ...newPhoneRow(), address: '' },
      { ...newPhoneRow(), address: '5550100', extension: '12ab' },
    ];
    expect(issuePaths(valid({ addresses: rows }))).toEqual([
      'addresses.1.address',
      'addresses.2.address',
      'addresses.3.address',
      'addresses.4.extension',
    ]);
  });

  it('allows at most 10 phone numbers', () => {
    const rows = Array.from({ length: 11 }, () => ({ ...newPhoneRow(), address: '5550100' }));
    expect(issuePaths(valid({ addresses: rows }))).toEqual(['addresses']);
  });
});

const group: Group = {
  id: 'g1',
  name: 'Escalations',
  description: 'Hard cases',
  type: 'social',
  visibility: 'members',
  rulesVisible: false,
  includeOwners: true,
  rolesEnabled: true,
  callsEnabled: true,
  version: 7,
  addresses: [
    {
      type: 'GROUPPHONE',
      address: '+13175550100',
      extension: '42',
      mediaType: 'PHONE',
      display: '+1 (317) 555-0100 ext. 42',
    },
    { type: 'GROUPRING', address: '5550199', mediaType: 'PHONE' },
  ],
  owners: [
    { id: 'u1', name: 'Olivia Owens', version: 1 },
    { id: 'u2', version: 1 },
  ],
};

describe('conversions', () => {
  it('turns a group into form values', () => {
    const values = groupToFormValues(group);
    expect(values).toMatchObject({
      name: 'Escalations',
      description: 'Hard cases',
      type: 'social',
      visibility: 'members',
      rulesVisible: false,
      includeOwners: true,
      rolesEnabled: true,
      callsEnabled: true,
      owners: [
        { id: 'u1', name: 'Olivia Owens' },
        // A lean reference stays nameless (the owners field resolves it), never named by its id.
        { id: 'u2', name: '' },
      ],
    });
    expect(values.addresses.map(({ type, address, extension }) => ({ type, address, extension }))).toEqual([
      { type: 'GROUPPHONE', address: '+13175550100', extension: '42' },
      { type: 'GROUPRING', address: '5550199', extension: '' },
    ]);
  });

  it('builds a GroupCreate with ownerIds, trimmed text and PHONE contacts', () => {
    const values = valid({
      name: '  Night shift ',
      description: '  ',
      visibility: 'owners',
      addresses: [{ ...newPhoneRow('GROUPPHONE'), address: ' 555 0100 ', extension: '' }],
      owners: [{ id: 'u9', name: 'Someone' }],
    });
    expect(formValuesToCreate(values)).toEqual({
      name: 'Night shift',
      type: 'official',
      visibility: 'owners',
      rulesVisible: true,
      includeOwners: false,
      rolesEnabled: false,
      callsEnabled: false,
      addresses: [{ type: 'GROUPPHONE', address: '555 0100', mediaType: 'PHONE' }],
      ownerIds: ['u9'],
    });
  });

  it('builds a GroupUpdate with the version and without type', () => {
    const body = formValuesToUpdate(groupToFormValues(group), 7);
    expect(body).not.toHaveProperty('type');
    expect(body).toEqual({
      version: 7,
      name: 'Escalations',
      description: 'Hard cases',
      visibility: 'members',
      rulesVisible: false,
      includeOwners: true,
      rolesEnabled: true,
      callsEnabled: true,
      addresses: [
        { type: 'GROUPPHONE', address: '+13175550100', extension: '42', mediaType: 'PHONE' },
        { type: 'GROUPRING', address: '5550199', mediaType: 'PHONE' },
      ],
      ownerIds: ['u1', 'u2'],
    });
  });

  it('sends an empty description on update so it can be cleared', () => {
    expect(formValuesToUpdate(valid({ description: '' }), 1).description).toBe('');
  });
});
