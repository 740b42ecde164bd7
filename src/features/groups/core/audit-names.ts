import { useQuery } from '@tanstack/react-query';
import { getGetAuditRealtimeServiceMappingQueryOptions } from '@/api/generated/endpoints/audits/audits';
import type { AuditQueryServiceMapping } from '@/api/generated/model/auditQueryServiceMapping';

/** The service name and entity type under which an org records group changes. */
export interface GroupAuditNames {
  serviceName: string;
  entityType: string;
}

/** What the embedded server (and the project's first reading of the record) uses. */
// eslint-disable-next-line lingui/no-unlocalized-strings -- the audit API's service and entity names, not words for people
export const DIRECTORY_GROUP_NAMES: GroupAuditNames = { serviceName: 'Directory', entityType: 'Group' };

/** The names groups go by in a real org's service mapping (docs/real-org.md, "Change history"), preferred. */
// eslint-disable-next-line lingui/no-unlocalized-strings -- the audit API's service and entity names, not words for people
export const GROUPS_DIRECTORY_GROUP_NAMES: GroupAuditNames = { serviceName: 'Groups', entityType: 'DirectoryGroup' };

/**
 * The names to query group changes with, from the realtime service mapping: `Groups`/`DirectoryGroup` when
 * it offers them, else `Directory`/`Group` (also when the mapping is unknown or offers neither).
 */
export const groupAuditNames = (mapping: AuditQueryServiceMapping | undefined): GroupAuditNames => {
  const offers = ({ serviceName, entityType }: GroupAuditNames) =>
    !!mapping?.services?.some(
      (service) => service.name === serviceName && !!service.entities?.some((entity) => entity.name === entityType),
    );
  return [GROUPS_DIRECTORY_GROUP_NAMES, DIRECTORY_GROUP_NAMES].find(offers) ?? DIRECTORY_GROUP_NAMES;
};

/**
 * `GET /api/v2/audits/query/realtime/servicemapping`, read once per sign-in. `ready` once answered or
 * failed (a failure falls back to `Directory`/`Group`).
 */
export const useGroupAuditNames = (enabled: boolean): { names: GroupAuditNames; ready: boolean } => {
  const mapping = useQuery(
    getGetAuditRealtimeServiceMappingQueryOptions({
      query: { enabled, staleTime: Infinity, gcTime: Infinity, retryOnMount: false, refetchOnWindowFocus: false },
    }),
  );
  return { names: groupAuditNames(mapping.data), ready: mapping.isSuccess || mapping.isError };
};
