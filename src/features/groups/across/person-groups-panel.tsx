import { Button, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { searchGroups } from '@/api/generated/endpoints/groups/groups';
import type { User } from '@/api/generated/model/user';
import { useResolved } from '@/api/resolve-names';
import { useMe, usePermissions } from '@/lib/permissions';
import { reportCsvFileName } from '../core/members-csv';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { EditableGroupMultiSelect, type PickedGroup } from './editable-group-picker';
import { membershipCalls, personOf } from '../core/membership-calls';
import { RunProgress, RunReport } from './run-views';
import { changeGroup, type ReportLine } from '../core/transfer';
import { useMembershipRun } from './use-membership-run';
import { groupToolKeys } from '../core/group-tool-keys';
import { permissionOf } from '@/lib/permission-names';

const OWNED_PAGE = 100;

/** The ids of the groups the signed-in user owns (for users without the edit permission). */
const useOwnedGroupIds = (enabled: boolean) => {
  const me = useMe();
  const owned = useQuery({
    queryKey: groupToolKeys.ownedGroups(me?.id ?? ''),
    queryFn: ({ signal }) =>
      searchGroups(
        {
          query: [{ type: 'EXACT', fields: ['owners.id'], value: me?.id ?? '' }],
          pageSize: OWNED_PAGE,
          pageNumber: 1,
          sortBy: 'name',
          sortOrder: 'ASC',
        },
        signal,
      ),
    enabled: enabled && !!me?.id,
    staleTime: 60_000,
  });
  return { ids: new Set((owned.data?.results ?? []).map((g) => g.id ?? '')), ready: !enabled || owned.isSuccess };
};

/**
 * One person, many groups: add them to several groups and take them out of several at once (only
 * groups the signed-in user may change), with progress, cancel and the report of every group.
 */
const PersonGroupsPanel = ({ user, onChanged }: { user: User; onChanged: () => void }) => {
  const canEditAll = usePermissions().has(permissionOf('addGroupMembers'));
  const owned = useOwnedGroupIds(!canEditAll);
  const [addTo, setAddTo] = useState<PickedGroup[]>([]);
  const [removeFrom, setRemoveFrom] = useState<string[]>([]);
  const run = useMembershipRun();
  // Lean references (id + selfUri) get their names here, for the list and the progress lines.
  const resolvedGroups = useResolved('group', user.groups);
  const namesKey = resolvedGroups.map((r) => `${r.entity.id}:${r.entity.name ?? ''}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- namesKey stands for the resolved list's content
  const userGroups = useMemo(() => resolvedGroups.map((r) => r.entity), [namesKey]);
  const removable = useMemo(
    () => userGroups.filter((g) => g.id && (canEditAll || owned.ids.has(g.id))),
    [userGroups, canEditAll, owned.ids],
  );
  if (!canEditAll && owned.ready && owned.ids.size === 0) return null;
  const { running, lines, error } = run.state;
  const finished = !running && (lines !== null || !!error);
  const person = personOf(user);
  const total = addTo.length + removeFrom.length;

  const apply = async () => {
    const removals = removable.filter((g) => removeFrom.includes(g.id ?? ''));
    const confirmed = await confirmMultiChange({
      verb: 'Change',
      count: total,
      unit: 'group',
      target: { preposition: 'for', name: user.name ?? person.id },
      names: [...addTo.map((g) => `Add to ${g.name}`), ...removals.map((g) => `Remove from ${g.name ?? g.id}`)],
      danger: removals.length > 0,
    });
    if (!confirmed) return;
    void run
      .start(async (context) => {
        const out: ReportLine[] = [];
        for (const g of addTo) {
          if (context.signal.aborted) break;
          context.onStep(`Adding to ${g.name}`);
          out.push(
            ...(await changeGroup(
              { groupId: g.id, groupName: g.name, action: 'add', people: [person] },
              membershipCalls,
              context,
            )),
          );
        }
        for (const g of removals) {
          if (context.signal.aborted) break;
          context.onStep(`Removing from ${g.name}`);
          out.push(
            ...(await changeGroup(
              { groupId: g.id ?? '', groupName: g.name, action: 'remove', people: [person] },
              membershipCalls,
              context,
            )),
          );
        }
        return out;
      })
      .then(() => {
        setAddTo([]);
        setRemoveFrom([]);
        onChanged();
      });
  };

  return (
    <Stack gap="xs" aria-labelledby="person-groups-change">
      <Title order={2} size="h4" id="person-groups-change">
        Change groups
      </Title>
      {!running ? (
        <>
          <EditableGroupMultiSelect
            label="Add to groups"
            exclude={userGroups.map((g) => g.id ?? '')}
            value={addTo}
            onChange={setAddTo}
          />
          {removable.length ? (
            <MultiSelect
              label="Remove from groups"
              data={removable.map((g) => ({ value: g.id ?? '', label: g.name ?? 'Loading name…' }))}
              value={removeFrom}
              onChange={setRemoveFrom}
              searchable
              clearable
              comboboxProps={{ withinPortal: false }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              Not in any group you may change.
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={() => void apply()} disabled={total === 0}>
              {total ? `Apply ${total} ${total === 1 ? 'change' : 'changes'}` : 'Apply'}
            </Button>
          </Group>
        </>
      ) : null}
      <RunProgress state={run.state} onCancel={run.cancel} />
      {finished ? (
        <RunReport state={run.state} fileName={reportCsvFileName(`${user.name ?? 'person'} groups`)} />
      ) : null}
    </Stack>
  );
};

export default PersonGroupsPanel;
