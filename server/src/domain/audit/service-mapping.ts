/**
 * The realtime query's service mapping: the service, entity types and actions this server records for
 * groups. Grant changes of a user (entity type `User`, docs/audit.md "Grants") are recorded and can be
 * filtered on, but are not listed here: the mapping keeps the one entity the console's history reads.
 */
import { AUDIT_ACTIONS, AUDIT_SERVICE } from './types.js';

export interface AuditQueryServiceMapping {
  services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
}

export const auditServiceMapping = (): AuditQueryServiceMapping => ({
  services: [{ name: AUDIT_SERVICE, entities: [{ name: 'Group', actions: [...AUDIT_ACTIONS] }] }],
});
