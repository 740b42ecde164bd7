import { describe, expect, it } from 'vitest';
import { grantsOf, holdsAny, permissionMatches } from '../permission-match';

describe('permissionMatches (Genesys wildcards)', () => {
  it('matches an exact permission, and nothing else', () => {
    expect(permissionMatches('directory:group:add', 'directory:group:add')).toBe(true);
    expect(permissionMatches('directory:group:add', 'directory:group:edit')).toBe(false);
    expect(permissionMatches('directory:group:add', 'directory:user:add')).toBe(false);
  });

  it('an action wildcard matches every action of the entity', () => {
    expect(permissionMatches('directory:group:*', 'directory:group:delete')).toBe(true);
    expect(permissionMatches('directory:group:*', 'directory:privateGroup:view')).toBe(false);
  });

  it('an entity wildcard matches the action on every entity of the domain', () => {
    expect(permissionMatches('directory:*:view', 'directory:privateGroup:view')).toBe(true);
    expect(permissionMatches('directory:*:view', 'directory:group:edit')).toBe(false);
    expect(permissionMatches('directory:*:*', 'directory:user:view')).toBe(true);
    expect(permissionMatches('directory:*:*', 'routing:queue:view')).toBe(false);
  });

  it('a domain wildcard matches every domain', () => {
    expect(permissionMatches('*:group:view', 'directory:group:view')).toBe(true);
    expect(permissionMatches('*:*:*', 'directory:group:delete')).toBe(true);
    expect(permissionMatches('*:*:view', 'directory:group:add')).toBe(false);
  });

  it('a division-qualified grant is read by its first three segments', () => {
    expect(permissionMatches('directory:group:add:6e2c1a70-division', 'directory:group:add')).toBe(true);
    expect(permissionMatches('directory:group:*:home:x', 'directory:group:edit')).toBe(true);
    expect(permissionMatches('directory:group:add:6e2c1a70-division', 'directory:group:edit')).toBe(false);
    expect(permissionMatches('directory::add:6e2c1a70-division', 'directory:group:add')).toBe(false);
  });

  it('the legacy admin permission grants everything; other one-word permissions grant nothing', () => {
    expect(permissionMatches('admin', 'directory:group:delete')).toBe(true);
    expect(permissionMatches('admin', 'audits:audit:view')).toBe(true);
    expect(permissionMatches('group_administration', 'directory:group:delete')).toBe(false);
    expect(permissionMatches('Admin', 'directory:group:delete')).toBe(false);
    expect(permissionMatches('admin', 'directory:group')).toBe(false);
  });

  it('strings of another shape grant nothing, and a wildcard is never required', () => {
    for (const granted of ['', '*', 'directory', 'directory:*', 'directory::add', 'directory:group:']) {
      expect(permissionMatches(granted, 'directory:group:add')).toBe(false);
    }
    expect(permissionMatches('directory:group:add', 'directory:group:*')).toBe(false);
    expect(permissionMatches('*:*:*', 'directory:group:*')).toBe(false);
    expect(permissionMatches('directory:group:add:x', 'directory:group:add:x')).toBe(false);
    expect(permissionMatches('routing:queue:view', 'directory:group:view')).toBe(false);
  });
});

describe('grantsOf / holdsAny', () => {
  it('answers by name over every granted string', () => {
    const grants = grantsOf(['routing:queue:view', 'directory:group:*']);
    expect(grants.has('directory:group:edit')).toBe(true);
    expect(grants.has('directory:user:view')).toBe(false);
    expect(holdsAny(grants.granted, ['directory:user:view', 'directory:group:add'])).toBe(true);
    expect(holdsAny(grants.granted, [])).toBe(false);
  });
});
