import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { apiFieldToFormPath, mapServerErrors } from '../server-errors';

const error400 = (message: string, fieldNames: (string | undefined)[]) =>
  new ApiError(400, {
    message,
    code: 'bad.request',
    details: fieldNames.map((fieldName) => ({ errorCode: 'bad.request', fieldName })),
  });

describe('apiFieldToFormPath', () => {
  it.each([
    ['name', 'name'],
    ['visibility', 'visibility'],
    ['addresses[0].address', 'addresses.0.address'],
    ['addresses[3].extension', 'addresses.3.extension'],
    ['addresses[2]', 'addresses.2.address'],
    ['addresses', 'addresses'],
    ['ownerIds', 'owners'],
    ['version', null],
    ['email', null],
    ['addresses[0].mediaType', null],
  ])('%s → %s', (field, path) => {
    expect(apiFieldToFormPath(field)).toBe(path);
  });
});

describe('mapServerErrors', () => {
  it('puts a duplicate name on the name field', () => {
    expect(mapServerErrors(error400('A group named "X" already exists.', ['name']))).toEqual({
      fieldErrors: { name: 'A group named "X" already exists.' },
      formError: null,
    });
  });

  it('puts a phone error on its row', () => {
    const mapped = mapServerErrors(error400('addresses[1].address must be a phone number', ['addresses[1].address']));
    expect(mapped.fieldErrors).toEqual({ 'addresses.1.address': 'addresses[1].address must be a phone number' });
    expect(mapped.formError).toBeNull();
  });

  it('shows errors about fields the form does not have at form level', () => {
    const mapped = mapServerErrors(error400('version is required.', ['version']));
    expect(mapped).toEqual({ fieldErrors: {}, formError: 'version is required.' });
  });

  it('shows an error without details at form level', () => {
    expect(mapServerErrors(new ApiError(500, { message: 'Boom' }))).toEqual({ fieldErrors: {}, formError: 'Boom' });
  });

  it('maps unknown owner ids to the owners field', () => {
    const mapped = mapServerErrors(error400('Unknown user id(s) in ownerIds: x.', ['ownerIds', 'ownerIds']));
    expect(mapped).toEqual({ fieldErrors: { owners: 'Unknown user id(s) in ownerIds: x.' }, formError: null });
  });
});
