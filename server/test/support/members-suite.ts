/**
 * The membership contract suites' server (see demo-suite.ts) with ordinary demo users to add, and the
 * group reads those suites repeat:
 *
 *   const suite = membersSuite();
 *   const group = await suite.createGroup();
 *   await suite.call('addGroupMembers', { token: suite.tokens.admin, params: { groupId: group.id }, body: { memberIds: [suite.user(0)] } });
 *   expect(await suite.allMembers(group.id)).toEqual([suite.user(0)]);
 */
import { beforeAll, expect } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { demoSuite, type DemoSuite } from './demo-suite.js';
import { uniqueName, type UserBody } from './fixtures.js';
import { createGroup } from './groups.js';

/** A group as the membership suites read it. */
export interface MembersGroup {
  id: string;
  version: number;
  memberCount: number;
  includeOwners?: boolean;
  owners?: UserBody[];
}

export interface MembersSuite extends DemoSuite {
  /** Ids of ordinary demo users (not personas), sorted by name (at least 150). */
  userIds: string[];
  /** The i-th ordinary demo user's id. */
  user(i: number): string;
  /** A new official, public group with visible rules, made by the admin, with `overrides` on top. */
  createGroup(overrides?: Record<string, unknown>): Promise<MembersGroup>;
  /** getGroup as the admin (200 expected). */
  getGroup(groupId: string): Promise<MembersGroup>;
  /** Every member id of a group, through every page of listGroupMembers (pageSize 500). */
  allMembers(groupId: string, token?: string): Promise<string[]>;
  /** The ids listGroupIndividuals answers the admin. */
  individuals(groupId: string): Promise<string[]>;
}

export function membersSuite(): MembersSuite {
  const suite = demoSuite() as MembersSuite;
  suite.userIds = [];
  beforeAll(async () => {
    const users = await suite.call('listUsers', {
      token: suite.tokens.admin,
      query: { pageSize: 200 },
      validate: false,
    });
    expect(users.status, users.text).toBe(200);
    const personaIds = new Set(Object.values(PERSONAS).map((p) => p.id));
    suite.userIds.push(...users.body.entities.map((u: UserBody) => u.id).filter((id: string) => !personaIds.has(id)));
    expect(suite.userIds.length).toBeGreaterThanOrEqual(150);
  });
  suite.user = (i) => {
    const id = suite.userIds[i];
    if (id === undefined) throw new Error(`no demo user #${i}`);
    return id;
  };
  suite.createGroup = (overrides = {}) =>
    createGroup<MembersGroup>(suite.call, suite.tokens.admin, { name: uniqueName('Members contract'), ...overrides });
  suite.getGroup = async (groupId) => {
    const res = await suite.call('getGroup', { token: suite.tokens.admin, params: { groupId } });
    expect(res.status, res.text).toBe(200);
    return res.body as MembersGroup;
  };
  suite.allMembers = async (groupId, token = suite.tokens.admin) => {
    const ids: string[] = [];
    for (let page = 1; page < 50; page++) {
      const res = await suite.call('listGroupMembers', {
        token,
        params: { groupId },
        query: { pageSize: 500, pageNumber: page },
      });
      expect(res.status, res.text).toBe(200);
      ids.push(...res.body.entities.map((u: UserBody) => u.id));
      if (page >= res.body.pageCount) break;
    }
    return ids;
  };
  suite.individuals = async (groupId) => {
    const res = await suite.call('listGroupIndividuals', { token: suite.tokens.admin, params: { groupId } });
    expect(res.status, res.text).toBe(200);
    return res.body.entities.map((u: UserBody) => u.id);
  };
  return suite;
}
