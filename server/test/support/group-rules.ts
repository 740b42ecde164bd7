/**
 * The server's two group rules as pure functions of a caller's permissions, for the console's parity
 * test (src/lib/__tests__/group-rules.parity.test.ts). They restate the checks of
 * `assertCanEditGroup` (domain/groups.ts) and `getDynamicSettings` (domain/dynamic.ts) over the
 * server's own permission constants, with Genesys wildcard matching of the granted strings.
 * To be replaced by the server's pure module (server/src/contract/group-rules.ts) when it exists.
 */
import { PERM } from '../../src/domain/groups.js';
import { PRIVATE_GROUP_VIEW } from '../../src/domain/visibility.js';

const has = (granted: readonly string[], required: string): boolean =>
  granted.some((g) => {
    const have = g.split(':');
    const need = required.split(':');
    return have.length === 3 && have.every((part, i) => part !== '' && (part === '*' || part === need[i]));
  });

/** assertCanEditGroup: `directory:group:edit`, or owning the group. */
export const mayEditGroup = (permissions: readonly string[], isOwner: boolean): boolean =>
  has(permissions, PERM.edit) || isOwner;

/** getDynamicSettings: editors and owners; else viewers, and for hidden rules only with private group view. */
export const mayReadRules = (permissions: readonly string[], isOwner: boolean, rulesVisible: boolean): boolean => {
  const privileged = mayEditGroup(permissions, isOwner);
  if (!privileged && !has(permissions, PERM.view)) return false;
  if (!rulesVisible && !privileged && !has(permissions, PRIVATE_GROUP_VIEW)) return false;
  return true;
};
