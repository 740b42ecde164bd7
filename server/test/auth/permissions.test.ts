import { describe, expect, it } from 'vitest';
import { hasAnyPermission, permissionMatches } from '../../src/contract/permissions.js';

describe('permissionMatches', () => {
  it('matches an exact permission and nothing else', () => {
    expect(permissionMatches('directory:group:add', 'directory:group:add')).toBe(true);
    expect(permissionMatches('directory:group:add', 'directory:group:edit')).toBe(false);
    expect(permissionMatches('directory:group:add', 'directory:user:add')).toBe(false);
    expect(permissionMatches('directory:group:add', 'routing:group:add')).toBe(false);
  });

  it('matches any action with an action wildcard', () => {
    expect(permissionMatches('directory:group:*', 'directory:group:delete')).toBe(true);
    expect(permissionMatches('directory:group:*', 'directory:user:view')).toBe(false);
  });

  it('matches any entity with an entity wildcard', () => {
    expect(permissionMatches('directory:*:view', 'directory:user:view')).toBe(true);
    expect(permissionMatches('directory:*:view', 'directory:privateGroup:view')).toBe(true);
    expect(permissionMatches('directory:*:view', 'directory:group:edit')).toBe(false);
    expect(permissionMatches('directory:*:*', 'directory:group:edit')).toBe(true);
    expect(permissionMatches('directory:*:*', 'routing:queue:join')).toBe(false);
  });

  it('matches any domain with a domain wildcard', () => {
    expect(permissionMatches('*:group:view', 'directory:group:view')).toBe(true);
    expect(permissionMatches('*:*:*', 'directory:privateGroup:view')).toBe(true);
    expect(permissionMatches('*:group:view', 'directory:user:view')).toBe(false);
  });

  it('reads a division-qualified grant by its first three segments', () => {
    expect(permissionMatches('directory:group:add:extra', 'directory:group:add')).toBe(true);
    expect(permissionMatches('directory:*:*:division', 'directory:group:edit')).toBe(true);
    expect(permissionMatches('directory:group:add:extra', 'directory:group:delete')).toBe(false);
  });

  it('grants everything to the legacy admin permission, and nothing to other one-word permissions', () => {
    expect(permissionMatches('admin', 'directory:group:delete')).toBe(true);
    expect(permissionMatches('group_administration', 'directory:group:delete')).toBe(false);
  });

  it('matches nothing with strings of fewer than three segments, and no wildcard on the required side', () => {
    for (const granted of ['', '*', 'directory', 'directory:group', '::', 'directory::add', '::add:division'])
      expect(permissionMatches(granted, 'directory:group:add'), granted).toBe(false);
    expect(permissionMatches('directory:group:add', 'directory:group:*')).toBe(false);
    expect(permissionMatches('Directory:Group:Add', 'directory:group:add')).toBe(false);
  });
});

describe('hasAnyPermission', () => {
  it('holds when any granted permission covers any required one (arrays and sets alike)', () => {
    expect(hasAnyPermission(['chat:chat:access', 'directory:group:*'], ['directory:group:edit'])).toBe(true);
    expect(hasAnyPermission(new Set(['directory:user:view']), ['directory:group:view', 'directory:user:view'])).toBe(
      true,
    );
    expect(hasAnyPermission([], ['directory:group:view'])).toBe(false);
    expect(hasAnyPermission(['directory:group:view'], [])).toBe(false);
  });
});
