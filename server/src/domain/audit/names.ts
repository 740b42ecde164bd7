/**
 * The names the Audit API answers group changes under. The records are stored under AUDIT_SERVICE and the
 * entity types record.ts writes (`Directory`, `Group` and `User`); the API speaks of them under the names of
 * the server's mode: the stored ones by default, or, with STRICT_MIRROR (docs/real-org.md), the names a real
 * org most probably uses, service `Groups` and entity type `DirectoryGroup`. Queries are translated on the way
 * in (a name of the other mode selects nothing) and records on the way out, so the storage never changes.
 */
import { AUDIT_ENTITY_TYPES, AUDIT_SERVICE, type AuditEntityType } from './types.js';

export interface AuditNames {
  /** The service group changes are answered under. */
  service: string;
  /** The entity type answered for each stored one. */
  entityTypes: Readonly<Record<AuditEntityType, string>>;
}

/** The stored names, answered as they are. */
export const STORED_AUDIT_NAMES: AuditNames = { service: AUDIT_SERVICE, entityTypes: { Group: 'Group', User: 'User' } };

/** A real org's names (public evidence: the audit topic's service mapping lists `Groups` → `DirectoryGroup`). */
export const REAL_ORG_AUDIT_NAMES: AuditNames = {
  service: 'Groups',
  entityTypes: { Group: 'DirectoryGroup', User: 'User' },
};

/** Stands for a name no record is stored under: it selects nothing. */
const UNRECORDED = '\u0000unrecorded';

/** The stored service for a service name of the API (one with no records: a name that selects none). */
export const storedService = (names: AuditNames, service: string): string =>
  service === names.service ? AUDIT_SERVICE : service === AUDIT_SERVICE ? UNRECORDED : service;

/** The stored entity type for an entity type of the API. */
export const storedEntityType = (names: AuditNames, entityType: string): string => {
  const stored = AUDIT_ENTITY_TYPES.find((t) => names.entityTypes[t] === entityType);
  if (stored) return stored;
  return (AUDIT_ENTITY_TYPES as readonly string[]).includes(entityType) ? UNRECORDED : entityType;
};

/** The API's entity type for a stored one. */
export const answeredEntityType = (names: AuditNames, stored: string): string =>
  names.entityTypes[stored as AuditEntityType] ?? stored;

/** The API's service name for a stored one. */
export const answeredService = (names: AuditNames, stored: string): string =>
  stored === AUDIT_SERVICE ? names.service : stored;
