// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as server from '../../../server/src/contract/limits';
import { OPERATION_LIMITS, PAGE_SIZE_MAXIMA, QUERY_LIST_MAXIMA, SCHEMA_LIMITS } from '@/api/generated/contract';
import { IDS_PER_REQUEST } from '@/api/resolve-names';

/**
 * The limits openapi/groups.yaml states (the search cap, the realtime audit window, the ids a call takes,
 * the largest pages) reach the console through src/api/generated/contract.ts and the server through
 * server/src/contract/limits.ts: both read the same document, and neither restates a number.
 */
describe('contract limits (console and server)', () => {
  it('the search cap and the largest search page are the same on both sides', () => {
    expect(server.SEARCH_LIMITS.groups).toEqual({
      maxPageSize: PAGE_SIZE_MAXIMA.searchGroups,
      window: OPERATION_LIMITS.searchGroups.searchCap,
    });
    expect(server.SEARCH_LIMITS.users).toEqual({
      maxPageSize: PAGE_SIZE_MAXIMA.searchUsers,
      window: OPERATION_LIMITS.searchUsers.searchCap,
    });
    expect(OPERATION_LIMITS.searchGroupsByQ64.searchCap).toBe(OPERATION_LIMITS.searchGroups.searchCap);
    expect(OPERATION_LIMITS.searchUsersByQ64.searchCap).toBe(OPERATION_LIMITS.searchUsers.searchCap);
  });

  it('the realtime audit window and its largest page are the same on both sides', () => {
    expect(server.AUDIT_LIMITS).toEqual({
      realtimeWindowDays: OPERATION_LIMITS.queryAuditsRealtime.realtimeWindowDays,
      realtimePageSize: PAGE_SIZE_MAXIMA.queryAuditsRealtime,
    });
  });

  it('the largest listing page and the ids a call takes are the same on both sides', () => {
    expect(server.QUERY_LIST_LIMITS).toEqual({
      listingPageSize: PAGE_SIZE_MAXIMA.listUsers,
      listingIds: QUERY_LIST_MAXIMA.listUsers.id,
      listingJabberIds: QUERY_LIST_MAXIMA.listUsers.jabberId,
      divisionIds: QUERY_LIST_MAXIMA.getAuthorizationDivisions.id,
      roleIds: QUERY_LIST_MAXIMA.getAuthorizationRoles.id,
      rolePermissions: QUERY_LIST_MAXIMA.getAuthorizationRoles.permission,
    });
    for (const listing of ['listGroups', 'listGroupProfiles'] as const) {
      expect(QUERY_LIST_MAXIMA[listing]).toEqual(QUERY_LIST_MAXIMA.listUsers);
    }
    expect(server.MEMBERSHIP_LIMITS.memberIds).toBe(SCHEMA_LIMITS.GroupMembersUpdate.memberIds.maxItems);
    expect(QUERY_LIST_MAXIMA.removeGroupMembers.ids).toBe(SCHEMA_LIMITS.GroupMembersUpdate.memberIds.maxItems);
  });

  it('the name resolver asks for as many ids a call as both listings take', () => {
    expect(IDS_PER_REQUEST).toBe(Math.min(QUERY_LIST_MAXIMA.listGroups.id, QUERY_LIST_MAXIMA.listUsers.id));
  });
});

const ROOT = join(__dirname, '../../..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('src/api/generated/') && !/(__tests__|\.test\.)/.test(file));

/** Ways a limit of the contract gets written down again as a number. */
const RESTATEMENTS: readonly (readonly [RegExp, string])[] = [
  [
    /\b(?:const|let)\s+\w*(?:CAP|MAX_PAGE|REALTIME\w*DAYS|WINDOW_DAYS|PER_REQUEST)\s*(?::\s*\w+)?\s*=\s*[\d_]+\s*[;,]/,
    'a limit constant set to a number',
  ],
  [/\b(?:maxPageSize|window)\s*=\s*[\d_]+/, 'a paging bound defaulting to a number'],
  [/\.length\s*>\s*(?:50|100)\b/, 'an ids-per-call count compared with a number'],
  [/At most (?:50|100) /, 'an ids-per-call count written into a message'],
];

describe('no restated contract limits', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('server/src')];

  it('finds the sources', () => {
    expect(files).toContain('server/src/contract/limits.ts');
    expect(files).toContain('src/features/groups/list/all-matching.ts');
  });

  it.each(RESTATEMENTS)('no source has %s (%s)', (pattern) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
