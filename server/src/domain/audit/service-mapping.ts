/** The realtime query's service mapping: the services, entity types and actions this server records. */
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_SERVICE } from './types.js';

export interface AuditQueryServiceMapping {
  services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
}

export const auditServiceMapping = (): AuditQueryServiceMapping => ({
  services: [
    {
      name: AUDIT_SERVICE,
      entities: AUDIT_ENTITY_TYPES.map((name) => ({ name, actions: [...AUDIT_ACTIONS] })),
    },
  ],
});
