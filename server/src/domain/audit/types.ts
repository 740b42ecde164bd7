/**
 * The Audit API's models as openapi/groups.yaml (and the official SDK's index.d.ts) have them, and the
 * names this server records under. docs/audit.md says which record each change produces.
 */

export const AUDIT_SERVICE = 'Directory';
export const AUDIT_ENTITY_TYPES = ['Group', 'User'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
export const AUDIT_ACTIONS = [
  'Create',
  'Update',
  'Delete',
  'MemberAdd',
  'MemberRemove',
  'GrantAdd',
  'GrantRemove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface DomainEntityRef {
  id: string;
  name?: string;
  selfUri?: string;
}
export interface AddressableEntityRef {
  id: string;
  selfUri?: string;
}
export interface PropertyChange {
  property: string;
  oldValues: string[];
  newValues: string[];
}
export interface EntityChange {
  entityId: string;
  entityName?: string;
  entityType: string;
  oldValues: string[];
  newValues: string[];
}
export interface MessageInfo {
  localizableMessageCode?: string;
  message?: string;
  messageWithParams?: string;
  messageParams?: Record<string, string>;
}

export interface AuditLogMessage {
  id: string;
  userHomeOrgId?: string;
  user?: DomainEntityRef;
  client?: AddressableEntityRef;
  remoteIp: string[];
  serviceName: string;
  level: 'USER' | 'SYSTEM';
  eventDate: string;
  message?: MessageInfo;
  action: AuditAction;
  entity: DomainEntityRef;
  entityType: AuditEntityType;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING';
  application?: string;
  /** The action (request) that wrote the record: records sharing `transactionId` were written together. */
  initiatingAction?: { transactionId?: string; actionContext?: string };
  /** Whether this is the record of the action asked for (false for the records it brought along). */
  transactionInitiator?: boolean;
  propertyChanges: PropertyChange[];
  context: Record<string, string>;
  entityChanges: EntityChange[];
}

export interface AuditQueryFilter {
  property: 'EntityType' | 'EntityId' | 'UserId' | 'ClientId' | 'Action';
  value: string;
}
export interface AuditQuerySort {
  name: 'Timestamp';
  sortOrder: 'ascending' | 'descending';
}
export interface AuditQueryRequest {
  interval: string;
  serviceName?: string;
  filters?: AuditQueryFilter[];
  sort?: AuditQuerySort[];
}
export interface AuditRealtimeQueryRequest extends AuditQueryRequest {
  pageNumber?: number;
  pageSize?: number;
}
export interface AuditRealtimeRelatedRequest {
  auditId: string;
  trustorOrgId?: string;
  sort?: AuditQuerySort[];
}
export interface AuditRealtimeRelatedResultsResponse {
  entities: AuditLogMessage[];
}
export interface AuditRealtimeQueryResultsResponse {
  entities: AuditLogMessage[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
}
