/**
 * Reading users on an in-memory demo database: single users, the listing and users/me.
 */
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { PERSONAS, type PersonaKey } from '../../src/db/seed/personas.js';
import { SYSTEM_PRESENCES } from '../../src/db/seed/words.js';
import { getMe, getUser, listUsers } from '../../src/domain/users/reads.js';
import { counter, demoDatabaseForFile } from '../support/demo-template.js';
import { apiError, clientCaller, personaCaller } from '../support/fixtures.js';

const db = demoDatabaseForFile();

const persona = personaCaller;
const client = (permissions: string[] = ['directory:user:view']): Caller => clientCaller(permissions);

const count = counter(db);

describe('getUser', () => {
  it('answers 404 not.found for an unknown id', () => {
    const err = apiError(() => getUser(db, persona('admin'), '00000000-0000-4000-8000-00000000dead'));
    expect(err.status).toBe(404);
    expect(err.code).toBe('not.found');
  });

  it('finds inactive users unless another state is asked for', () => {
    const inactive = db.prepare("SELECT id FROM users WHERE state = 'inactive' LIMIT 1").pluck().get() as string;
    expect(getUser(db, persona('admin'), inactive).state).toBe('inactive');
    expect(getUser(db, persona('admin'), inactive, { state: 'any' }).state).toBe('inactive');
    expect(apiError(() => getUser(db, persona('admin'), inactive, { state: 'active' })).status).toBe(404);
    expect(apiError(() => getUser(db, persona('admin'), inactive, { state: 'sleeping' })).code).toBe('invalid.value');
  });
});

describe('listUsers', () => {
  const active = () => count("SELECT COUNT(*) FROM users WHERE state = 'active'");

  it('pages active users by name with listing URIs', () => {
    const first = listUsers(db, persona('supervisor'), { pageSize: 100 });
    expect(first.total).toBe(active());
    expect(first.pageCount).toBe(Math.ceil(active() / 100));
    expect(first.entities).toHaveLength(100);
    const names = first.entities.map((u) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(first.firstUri).toBe('/api/v2/users?pageSize=100&pageNumber=1&sortOrder=ASC');
    expect(first.nextUri).toBe('/api/v2/users?pageSize=100&pageNumber=2&sortOrder=ASC');
    expect(first.previousUri).toBeUndefined();
    const last = listUsers(db, persona('supervisor'), {
      pageSize: '100',
      pageNumber: String(first.pageCount),
      sortOrder: 'descending',
    });
    expect(last.nextUri).toBeUndefined();
    expect(last.previousUri).toBe(`/api/v2/users?pageSize=100&pageNumber=${first.pageCount - 1}&sortOrder=DESC`);
    expect(last.entities.length).toBe(active() - 100 * (first.pageCount - 1));
  });

  it('filters by id and jabberId, and by state', () => {
    const ids = [PERSONAS.admin.id, PERSONAS.owner.id];
    expect(
      listUsers(db, persona('admin'), { id: ids })
        .entities.map((u) => u.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(listUsers(db, persona('admin'), { id: ids.join(',') }).total).toBe(2);
    expect(
      listUsers(db, persona('admin'), { jabberId: [`${PERSONAS.editor.id}@groups-demo.orgspan.com`] }).entities.map(
        (u) => u.id,
      ),
    ).toEqual([PERSONAS.editor.id]);
    const inactive = listUsers(db, persona('admin'), { state: 'inactive', pageSize: 500 });
    expect(inactive.total).toBe(count("SELECT COUNT(*) FROM users WHERE state = 'inactive'"));
    expect(inactive.entities.every((u) => u.state === 'inactive')).toBe(true);
    expect(inactive.selfUri).toContain('state=inactive');
    expect(listUsers(db, persona('admin'), { state: 'any' }).total).toBe(count('SELECT COUNT(*) FROM users'));
  });

  it('refuses bad paging and filters with 400', () => {
    for (const q of [{ pageSize: 0 }, { pageSize: 501 }, { pageNumber: 0 }, { pageSize: 'ten' }])
      expect(apiError(() => listUsers(db, persona('admin'), q)).code).toBe('bad.request');
    expect(apiError(() => listUsers(db, persona('admin'), { sortOrder: 'sideways' })).code).toBe('invalid.value');
    expect(apiError(() => listUsers(db, persona('admin'), { id: ['a'], jabberId: ['b'] })).status).toBe(400);
    expect(listUsers(db, persona('admin'), { pageSize: 500 }).entities).toHaveLength(500);
  });
});

describe('getMe', () => {
  it('answers the signed-in user with their roles and permissions', () => {
    for (const key of Object.keys(PERSONAS) as PersonaKey[]) {
      const me = getMe(db, persona(key), { expand: ['authorization'] });
      expect(me.id).toBe(PERSONAS[key].id);
      const auth = me.authorization as {
        permissions: string[];
        roles: Array<{ id: string; name: string }>;
        permissionPolicies: Array<{ domain: string; entityName: string; actionSet: string[] }>;
      };
      expect(auth.permissions).toEqual(PERSONAS[key].permissions);
      expect(auth.roles.length).toBeGreaterThan(0);
      const fromPolicies = auth.permissionPolicies
        .flatMap((p) => p.actionSet.map((a) => `${p.domain}:${p.entityName}:${a}`))
        .sort();
      expect(fromPolicies).toEqual(PERSONAS[key].permissions);
    }
  });

  it('refuses client-credentials tokens with 400 and a clear message', () => {
    const err = apiError(() => getMe(db, client()));
    expect(err.status).toBe(400);
    expect(err.code).toBe('bad.request');
    expect(err.message).toMatch(/user context/i);
  });

  it('supports the users/me expands: organization, date, token, superiors, direct reports', () => {
    const me = getMe(
      db,
      persona('supervisor'),
      { expand: 'organization,date,token,superiors,presencedefinitions' },
      { organization: { id: 'org-1', name: 'Org' }, tokenInfo: () => ({ organization: { id: 'org-1', name: 'Org' } }) },
    );
    expect(me.organization).toMatchObject({ id: 'org-1', name: 'Org' });
    expect(Date.parse((me.date as { currentDate: string }).currentDate)).not.toBeNaN();
    expect(me.token).toEqual({ organization: { id: 'org-1', name: 'Org' } });
    expect((me.superiors as Array<{ id: string }>)[0]?.id).toBe(PERSONAS.editor.id);
    const definitions = me.presenceDefinitions as Array<{ id: string; systemPresence: string }>;
    expect(definitions.map((d) => d.systemPresence)).toEqual([...SYSTEM_PRESENCES]);
    const used = listUsers(db, persona('admin'), { pageSize: '100', expand: 'presence' }).entities.map(
      (u) => (u.presence as { presenceDefinition: { id: string; systemPresence: string } }).presenceDefinition,
    );
    expect(used.length).toBe(100);
    for (const p of used) expect(definitions.find((d) => d.id === p.id)?.systemPresence).toBe(p.systemPresence);
    const editor = getMe(db, persona('editor'), { expand: ['directreports'] });
    expect((editor.directReports as Array<{ id: string }>).map((u) => u.id).sort()).toEqual(
      [PERSONAS.owner.id, PERSONAS.supervisor.id].sort(),
    );
    expect(apiError(() => getMe(db, persona('admin'), { expand: ['nope'] })).code).toBe('bad.request');
  });
});
