/**
 * The permissions of every operation come from openapi/groups.yaml (`x-permissions`,
 * `x-group-owner-allowed`); the hand-written rules (contract/group-rules.ts) use the document's names.
 */
import { describe, expect, it } from 'vitest';
import { accessOf, authorize, operationAccess } from '../../src/contract/authorize.js';
import { loadOpenApiDocument } from '../../src/contract/document.js';
import { ApiError } from '../../src/contract/errors.js';
import { groupLimitsOf, membershipLimitsOf } from '../../src/contract/limits.js';
import {
  GROUP_EDIT,
  GROUP_VIEW,
  mayEditGroup,
  mayReadRules,
  maySeeEveryGroup,
  PRIVATE_GROUP_VIEW,
  rulesPermissionsMissing,
} from '../../src/contract/group-rules.js';

const access = operationAccess(loadOpenApiDocument());

describe('operation access from the document', () => {
  it('reads x-permissions and x-group-owner-allowed of every operation', () => {
    expect(access.get('createGroup')).toEqual({ permissions: ['directory:group:add'], ownerAllowed: false });
    expect(access.get('deleteGroup')).toEqual({ permissions: ['directory:group:delete'], ownerAllowed: false });
    for (const id of ['updateGroup', 'addGroupMembers', 'removeGroupMembers'])
      expect(access.get(id), id).toEqual({ permissions: [GROUP_EDIT], ownerAllowed: true });
    expect(access.get('searchUsers')?.permissions).toEqual(['directory:user:view']);
    expect(access.get('listGroups')).toEqual({ permissions: [], ownerAllowed: false });
    expect(() => accessOf('noSuchOperation')).toThrow(/no operation noSuchOperation/);
  });

  it('authorize: a permission (or a wildcard covering it), or ownership where the document allows owners', () => {
    const forbidden = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error instanceof ApiError && error.status === 403 ? error : undefined;
      }
      return undefined;
    };
    expect(forbidden(() => authorize('createGroup', { permissions: ['directory:group:add'] }))).toBeUndefined();
    expect(forbidden(() => authorize('createGroup', { permissions: ['directory:*:*'] }))).toBeUndefined();
    const missing = forbidden(() => authorize('createGroup', { permissions: [GROUP_EDIT] }, () => true));
    expect(missing?.code).toBe('missing.any.permissions');
    expect(missing?.options.messageParams).toEqual({ permissions: 'directory:group:add' });
    expect(forbidden(() => authorize('updateGroup', { permissions: [] }, () => true))).toBeUndefined();
    expect(forbidden(() => authorize('updateGroup', { permissions: [] }, () => false))).toBeDefined();
    expect(forbidden(() => authorize('listGroups', { permissions: [] }))).toBeUndefined();
  });
});

describe('group rules', () => {
  it('name the permissions the document names', () => {
    expect(access.get('updateGroup')?.permissions).toEqual([GROUP_EDIT]);
    expect(access.get('getGroupDynamicSettings')?.permissions).toEqual([GROUP_VIEW]);
    expect(PRIVATE_GROUP_VIEW).toBe('directory:privateGroup:view');
  });

  it('mayEditGroup: the edit permission (or a wildcard) or owning the group', () => {
    expect(mayEditGroup([GROUP_EDIT], false)).toBe(true);
    expect(mayEditGroup(['directory:group:*'], false)).toBe(true);
    expect(mayEditGroup([GROUP_VIEW], true)).toBe(true);
    expect(mayEditGroup([GROUP_VIEW, 'directory:group:add'], false)).toBe(false);
  });

  it('maySeeEveryGroup: directory:privateGroup:view', () => {
    expect(maySeeEveryGroup([PRIVATE_GROUP_VIEW])).toBe(true);
    expect(maySeeEveryGroup(['directory:*:view'])).toBe(true);
    expect(maySeeEveryGroup([GROUP_VIEW, GROUP_EDIT])).toBe(false);
  });

  it('mayReadRules: editors and owners always; viewers when the rules are visible or they see every group', () => {
    const visible = { isOwner: false, rulesVisible: true };
    const hidden = { isOwner: false, rulesVisible: false };
    expect(mayReadRules([GROUP_VIEW], visible)).toBe(true);
    expect(mayReadRules([GROUP_VIEW], hidden)).toBe(false);
    expect(mayReadRules([GROUP_VIEW, PRIVATE_GROUP_VIEW], hidden)).toBe(true);
    expect(mayReadRules([GROUP_EDIT], hidden)).toBe(true);
    expect(mayReadRules([], { isOwner: true, rulesVisible: false })).toBe(true);
    expect(mayReadRules([], visible)).toBe(false);
    expect(mayReadRules([PRIVATE_GROUP_VIEW], visible)).toBe(false);
    expect(rulesPermissionsMissing([])).toEqual([GROUP_VIEW]);
    expect(rulesPermissionsMissing([GROUP_VIEW])).toEqual([GROUP_EDIT, PRIVATE_GROUP_VIEW]);
  });
});

describe('limits from the document', () => {
  it('follow the schemas: a changed limit in the YAML is the server’s limit', () => {
    const doc = loadOpenApiDocument();
    const limits = groupLimitsOf(doc);
    expect(limits).toMatchObject({ name: 256, description: 4000, owners: 100, addresses: 10, images: 10 });
    expect(limits.phonePattern.test(' +1 (317) 555-0100 ')).toBe(true);
    expect(limits.extensionPattern.test('')).toBe(true);
    expect(limits.extensionPattern.test('12345678901')).toBe(false);
    const schemas = doc.components!.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    schemas.GroupCreate!.properties.name!.maxLength = 12;
    schemas.GroupMembersUpdate!.properties.memberIds!.maxItems = 7;
    expect(groupLimitsOf(doc).name).toBe(12);
    expect(membershipLimitsOf(doc)).toMatchObject({
      memberIds: 7,
      groupsPerType: 100,
      conditions: 100,
      conditionDepth: 5,
    });
    delete schemas.GroupCreate!.properties.name!.maxLength;
    expect(() => groupLimitsOf(doc)).toThrow(/GroupCreate\.name\.maxLength/);
  });
});
