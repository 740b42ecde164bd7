import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { searchGroups } from '@/api/generated/endpoints/groups/groups';
import type { User } from '@/api/generated/model/user';
import { useResolved } from '@/api/resolve-names';
import { useCan, useMe, usePermissions } from '@/lib/permissions';
import { personRoleLossSentence, rolesLostLeaving } from '../core/group-grants';
import { reportCsvFileName } from '../core/members-csv';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { EditableGroupMultiSelect, type PickedGroup } from './editable-group-picker';
import { membershipCalls, personOf } from '../core/membership-calls';
import { RunProgress, RunReport } from './run-views';
import { changeGroup, type ReportLine } from '../core/transfer';
import { readPersonRoles, readRolesThrough } from './move-roles';
import { useMembershipRun } from './use-membership-run';
import { groupToolKeys } from '../core/group-tool-keys';
import { permissionOf } from '@/lib/permission-names';
import { RoleLossText } from '../core/role-loss-text';

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
 * What the person loses leaving `removals` (joining `additions` in the same change). What each group
 * left gives is read from the group (its grants while its roles are on, as the other warnings about
 * roles do); what else the person holds from their subject (grants of their own and through their
 * other roles-enabled groups), so a role another group they stay in or join gives as well is not named.
 * Null when nothing is lost, or when a read fails (as the other warnings about roles, it then says nothing).
 */
const readRoleLoss = async (
  user: User,
  removals: readonly { id: string; name: string }[],
  additions: readonly PickedGroup[],
): Promise<string | null> => {
  try {
    const through = (await Promise.all(removals.map((g) => readRolesThrough(g.id)))).flat();
    if (through.length === 0) return null;
    const leftIds = new Set(removals.map((g) => g.id));
    const other = (await readPersonRoles(user.id ?? '')).filter((r) => !leftIds.has(r.subjectId ?? ''));
    const joined = (await Promise.all(additions.map((g) => readRolesThrough(g.id)))).flat();
    return personRoleLossSentence(
      user.name ?? t({ message: 'This person', comment: 'a person without a name, at the start of a sentence' }),
      rolesLostLeaving([...through, ...other], removals, joined),
    );
  } catch {
    return null;
  }
};

/**
 * One person, many groups: add them to several groups and take them out of several at once (only
 * groups the signed-in user may change), with progress, cancel and the report of every group. Taking
 * them out names the roles they lose first, when the user may view grants.
 */
const PersonGroupsPanel = ({ user, onChanged }: { user: User; onChanged: () => void }) => {
  const { t } = useLingui();
  const canEditAll = usePermissions().has(permissionOf('addGroupMembers'));
  const canViewGrants = useCan(permissionOf('getAuthorizationSubject'));
  // A click while the roles are read does not ask twice (the button keeps focus for the confirmation).
  const checking = useRef(false);
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
    if (checking.current) return;
    const removals = removable.filter((g) => removeFrom.includes(g.id ?? ''));
    let rolesLoss: string | null = null;
    if (removals.length && canViewGrants && user.id) {
      checking.current = true;
      rolesLoss = await readRoleLoss(
        user,
        removals.map((g) => ({ id: g.id ?? '', name: g.name ?? g.id ?? '' })),
        addTo,
      );
      checking.current = false;
    }
    const confirmed = await confirmMultiChange({
      verb: 'change',
      count: total,
      unit: 'group',
      target: { preposition: 'for', name: user.name ?? person.id },
      names: [
        ...addTo.map(({ name: groupName }) => t`Add to ${groupName}`),
        ...removals.map((g) => {
          const groupName = g.name ?? g.id;
          return t`Remove from ${groupName}`;
        }),
      ],
      details: rolesLoss ? <RoleLossText>{rolesLoss}</RoleLossText> : undefined,
      danger: removals.length > 0,
      // Losing roles is asked about even for one change.
      evenForOne: !!rolesLoss,
    });
    if (!confirmed) return;
    void run
      .start(async (context) => {
        const out: ReportLine[] = [];
        for (const g of addTo) {
          if (context.signal.aborted) break;
          const groupName = g.name;
          context.onStep(t`Adding to ${groupName}`);
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
          const groupName = g.name;
          context.onStep(t`Removing from ${groupName}`);
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
        <Trans>Change groups</Trans>
      </Title>
      {!running ? (
        <>
          <EditableGroupMultiSelect
            label={t`Add to groups`}
            exclude={userGroups.map((g) => g.id ?? '')}
            value={addTo}
            onChange={setAddTo}
          />
          {removable.length ? (
            <MultiSelect
              label={t`Remove from groups`}
              data={removable.map((g) => ({ value: g.id ?? '', label: g.name ?? t`Loading name…` }))}
              value={removeFrom}
              onChange={setRemoveFrom}
              searchable
              clearable
              comboboxProps={{ withinPortal: false }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              <Trans>Not in any group you may change.</Trans>
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={() => void apply()} disabled={total === 0}>
              {total
                ? plural(total, { one: 'Apply # change', other: 'Apply # changes' })
                : t({ message: 'Apply', comment: 'button: apply the changes chosen' })}
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
