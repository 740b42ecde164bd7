/**
 * The realtime query's service mapping: the service, entity types and actions this server records for
 * groups, under the names the API answers with (names.ts). Grant changes of a user (entity type `User`,
 * docs/audit.md "Grants") are recorded and can be filtered on, but are not listed here: the mapping keeps the
 * one entity the console's history reads.
 */
import { STORED_AUDIT_NAMES, type AuditNames } from './names.js';
import { AUDIT_ACTIONS } from './types.js';

export interface AuditQueryServiceMapping {
  services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
}

export const auditServiceMapping = (names: AuditNames = STORED_AUDIT_NAMES): AuditQueryServiceMapping => ({
  services: [{ name: names.service, entities: [{ name: names.entityTypes.Group, actions: [...AUDIT_ACTIONS] }] }],
});
