/** The realtime query's service mapping: the services, entity types and actions this server records. */
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_SERVICE, type AuditAction, type AuditEntityType } from './types.js';

/** The actions recorded on each entity type: a user's records are only grant changes. */
const ACTIONS_OF: Record<AuditEntityType, readonly AuditAction[]> = {
  Group: AUDIT_ACTIONS,
  User: ['GrantAdd', 'GrantRemove'],
};

export interface AuditQueryServiceMapping {
  services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
}

export const auditServiceMapping = (): AuditQueryServiceMapping => ({
  services: [
    {
      name: AUDIT_SERVICE,
      entities: AUDIT_ENTITY_TYPES.map((name) => ({ name, actions: [...ACTIONS_OF[name]] })),
    },
  ],
});
