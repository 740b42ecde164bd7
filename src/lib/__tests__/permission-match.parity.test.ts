import { describe, expect, it } from 'vitest';
import * as server from '../../../server/src/contract/permissions';
import { LEGACY_ADMIN, permissionMatches } from '../permission-match';

/** The console's matcher and the server's answer alike: what the console shows is what the server allows. */
const GRANTED = [
  'directory:group:add',
  'directory:group:*',
  'directory:*:*',
  '*:*:*',
  '*:group:view',
  'directory:group:add:6e2c1a70-division',
  'directory:*:view:home',
  LEGACY_ADMIN,
  'group_administration',
  'Directory:Group:Add',
  '',
  '*',
  'directory:group',
  'directory::add',
  '::add:division',
];
const REQUIRED = [
  'directory:group:add',
  'directory:group:edit',
  'directory:privateGroup:view',
  'audits:audit:view',
  'directory:group:*',
  'directory:group:add:6e2c1a70-division',
  'admin',
];

describe('permission matcher parity (console and server)', () => {
  it.each(GRANTED.flatMap((granted) => REQUIRED.map((required) => [granted, required] as const)))(
    '%j covers %j alike',
    (granted, required) => {
      expect(permissionMatches(granted, required)).toBe(server.permissionMatches(granted, required));
    },
  );
});
