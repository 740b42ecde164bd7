import { describe, expect, it } from 'vitest';
import { makeMe } from '@/testing/test-providers';
import { ownerChangeWarning } from '../owner-change';

const owner = makeMe(['directory:user:view'], 'me');
const editor = makeMe(['directory:group:edit'], 'me');
const wildcard = makeMe(['directory:*:*'], 'me');
const groupName = 'Night Shift Leads';

describe('ownerChangeWarning', () => {
  it('warns the last owner who can edit only as owner that they lose access', () => {
    const warning = ownerChangeWarning({ groupName, before: ['me'], after: [], me: owner });
    expect(warning).toMatchObject({ losesAccess: true, title: 'Remove yourself as the last owner?' });
    expect(warning?.message).toBe(
      'You are the last owner of Night Shift Leads. Removing yourself leaves it without an owner and you will no longer be able to edit it.',
    );
  });

  it('warns an owner who leaves other owners behind that they lose access too', () => {
    const warning = ownerChangeWarning({ groupName, before: ['me', 'other'], after: ['other'], me: owner });
    expect(warning).toMatchObject({ losesAccess: true, title: 'Remove yourself as an owner?' });
    expect(warning?.message).toContain('you will no longer be able to edit it');
  });

  it('only mildly warns one who keeps edit permission (wildcards too) when the group is left without owners', () => {
    for (const me of [editor, wildcard]) {
      const warning = ownerChangeWarning({ groupName, before: ['me'], after: [], me });
      expect(warning).toMatchObject({ losesAccess: false, title: 'Remove the last owner?' });
      expect(warning?.message).toContain('you can still edit it');
    }
    expect(ownerChangeWarning({ groupName, before: ['me', 'other'], after: ['other'], me: editor })).toBeNull();
  });

  it('mildly warns whoever removes the last owner in general', () => {
    const warning = ownerChangeWarning({ groupName, before: ['a', 'b'], after: [], me: editor });
    expect(warning).toEqual({
      losesAccess: false,
      title: 'Remove the last owner?',
      message:
        'Night Shift Leads will have no owners. Only people with permission to edit groups will be able to change it.',
    });
  });

  it('says nothing when owners remain and the user keeps their access', () => {
    expect(ownerChangeWarning({ groupName, before: ['a'], after: ['b'], me: owner })).toBeNull();
    expect(ownerChangeWarning({ groupName, before: ['me'], after: ['me', 'b'], me: owner })).toBeNull();
    expect(ownerChangeWarning({ groupName, before: [], after: [], me: owner })).toBeNull();
  });
});
