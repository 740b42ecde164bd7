import { Plural, useLingui } from '@lingui/react/macro';
import { Skeleton, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useListGroupIndividuals } from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import { useResolved } from '@/api/resolve-names';
import { EmptyState } from '@/components/feedback/empty-state';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { UNKNOWN_NAME } from '@/components/reference/reference-names';
import { membershipReasons } from '../core/membership-reason';
import { PeopleTable } from './people-table';

interface PeopleTabProps {
  group: Group;
  onOpenUser: (userId: string) => void;
}

const NO_RULES: ReadonlySet<string> = new Set();

/** What the owners table shows of each owner beyond the name. */
const OWNER_FIELDS = { fields: ['email', 'title'] } as const;

const useReasons = (group: Group) => {
  const individuals = useListGroupIndividuals(group.id ?? '');
  const individualIds = useMemo(
    () => new Set((individuals.data?.entities ?? []).map((u) => u.id ?? '')),
    [individuals.data],
  );
  const ownerIds = useMemo(() => new Set((group.owners ?? []).map((u) => u.id ?? '')), [group.owners]);
  // These tabs name who was added and who owns the group; who is in by rule is the members tab's business.
  const sources = { individualIds, ownerIds, ruleIds: NO_RULES };
  return { individuals, reasonsFor: (id: string | undefined) => membershipReasons(id, sources) };
};

/** People added to the group directly (GET …/individuals). */
export const IndividualsTab = ({ group, onOpenUser }: PeopleTabProps) => {
  const { t } = useLingui();
  const { individuals, reasonsFor } = useReasons(group);
  if (individuals.isPending) return <Skeleton height={160} role="status" aria-label={t`Loading individuals`} />;
  if (individuals.isError) {
    return (
      <QueryErrorAlert
        error={individuals.error}
        onRetry={() => void individuals.refetch()}
        title={t`Could not load the individuals`}
      />
    );
  }
  const users = individuals.data.entities ?? [];
  if (!users.length) {
    return (
      <EmptyState
        title={t`No individual members`}
        description={t`Everyone in this group is there as an owner or through rules.`}
      />
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        <Plural value={users.length} one="# person was added directly." other="# people were added directly." />
      </Text>
      <PeopleTable
        label={t({ message: 'Individuals', comment: 'table of the people added to the group directly' })}
        users={users}
        reasonsFor={reasonsFor}
        onOpenUser={onOpenUser}
      />
    </Stack>
  );
};

/** The group's owners (from the group itself). */
export const OwnersTab = ({ group, onOpenUser }: PeopleTabProps) => {
  const { t } = useLingui();
  const { individuals, reasonsFor } = useReasons(group);
  // A group's owners come as references (id and name, or only id and selfUri): the table's emails and titles
  // are read for every owner at once (GET /users?id=…), as are the names of lean ones.
  const resolved = useResolved('user', group.owners, OWNER_FIELDS);
  const owners = resolved.map((r) => (r.failed ? { ...r.entity, name: UNKNOWN_NAME.user } : r.entity));
  if (!owners.length) return <EmptyState title={t`No owners`} description={t`This group has no owners.`} />;
  if (resolved.some((r) => r.pending)) return <Skeleton height={120} role="status" aria-label={t`Loading owners`} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {group.includeOwners
          ? t`Owners count as members of this group.`
          : t`Owners are not counted as members unless added.`}
      </Text>
      {individuals.isError ? (
        <QueryErrorAlert error={individuals.error} onRetry={() => void individuals.refetch()} />
      ) : null}
      <PeopleTable
        label={t({ message: 'Owners', comment: "table of the group's owners" })}
        users={owners}
        reasonsFor={reasonsFor}
        onOpenUser={onOpenUser}
      />
    </Stack>
  );
};
