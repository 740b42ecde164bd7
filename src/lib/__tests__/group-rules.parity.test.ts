import { describe, expect, it } from 'vitest';
import * as server from '../../../server/src/contract/group-rules';
import { mayEditGroup, mayReadRules } from '../group-rules';

/**
 * The console decides what to offer with the same two rules the server enforces (owners may edit;
 * who may read a group's dynamic rules). This holds the console's copy to the server's over every
 * combination below: permission sets (wildcards included) × owner or not × rules visible or hidden.
 */
const PERMISSION_SETS: readonly (readonly string[])[] = [
  [],
  ['directory:user:view'],
  ['directory:group:view'],
  ['directory:group:edit'],
  ['directory:group:add', 'directory:group:delete'],
  ['directory:group:view', 'directory:privateGroup:view'],
  ['directory:privateGroup:view'],
  ['directory:group:*'],
  ['directory:*:view'],
  ['directory:*:*'],
  ['*:*:*'],
  ['*:group:edit'],
  ['directory:group', 'directory:group:edit:x', 'routing:*:*'],
];

const cases = PERMISSION_SETS.flatMap((permissions) =>
  [false, true].flatMap((isOwner) => [true, false].map((rulesVisible) => ({ permissions, isOwner, rulesVisible }))),
);

describe('group rules: console and server agree', () => {
  it.each(cases)(
    '$permissions, owner $isOwner, rules visible $rulesVisible',
    ({ permissions, isOwner, rulesVisible }) => {
      expect(mayEditGroup(permissions, isOwner)).toBe(server.mayEditGroup(permissions, isOwner));
      expect(mayReadRules(permissions, isOwner, rulesVisible)).toBe(
        server.mayReadRules(permissions, { isOwner, rulesVisible }),
      );
    },
  );

  it('the table exercises both answers of each rule', () => {
    const edits = new Set(cases.map((c) => mayEditGroup(c.permissions, c.isOwner)));
    const reads = new Set(cases.map((c) => mayReadRules(c.permissions, c.isOwner, c.rulesVisible)));
    expect([...edits].sort()).toEqual([false, true]);
    expect([...reads].sort()).toEqual([false, true]);
  });
});
