import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Button, Group, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { useState } from 'react';
import { getGroup, listGroupIndividuals } from '@/api/generated/endpoints/groups/groups';
import { listUsers } from '@/api/generated/endpoints/users/users';
import { useCan, useCanEditGroup } from '@/lib/permissions';
import { permissionOf } from '@/lib/permission-names';
import { chunkIds } from '../core/batch-membership';
import { roleGainSentence, roleLossSentence } from '../core/group-grants';
import { reportCsvFileName } from '../core/members-csv';
import { memberOwnerIds } from '../core/membership-reason';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { filterByStatus, type StatusFilter } from '../core/status-counts';
import { EditableGroupSelect, type PickedGroup } from './editable-group-picker';
import { membershipCalls, personOf, readAllMembers } from '../core/membership-calls';
import { waitOutRateLimit } from '@/api/rate-limit';
import { RunProgress, RunReport } from './run-views';
import { alreadyInTargetSentence, explainLines, runTransfer, type Person } from '../core/transfer';
import { readMoveRoleChange } from './move-roles';
import { useMembershipRun, type RunContext } from './use-membership-run';
import type { CopyMoveButtonProps } from './copy-move-props';
import { RoleLossText } from '../core/role-loss-text';
import { formatCount } from '@/lib/plural';

type Who = 'selected' | 'filtered' | 'everyone';

/** The people of a selection, with names for the report (GET /users?id=…, 50 at a time). */
const peopleOf = async (ids: readonly string[], context: RunContext): Promise<Person[]> => {
  const out: Person[] = [];
  for (const batch of chunkIds(ids)) {
    const listing = await waitOutRateLimit(
      () => listUsers({ id: batch, pageSize: batch.length, state: 'any' }, context.signal),
      context,
    );
    const byId = new Map((listing.entities ?? []).map((u) => [u.id, u]));
    for (const id of batch) {
      const user = byId.get(id);
      out.push(user ? personOf(user) : { id });
    }
  }
  return out;
};

/** "Everyone with presence Available (all pages)". */
const everyoneWith = (status: StatusFilter): string => {
  const value = status.value;
  return status.kind === 'presence'
    ? t`Everyone with presence ${value} (all pages)`
    : t`Everyone with routing status ${value} (all pages)`;
};

/**
 * Copy or move members to another group: the selection, the members with the chosen status (every
 * page), or everyone. Adds in batches with the target's version; a move then removes from this group
 * only those the target took, and its confirmation names the roles they lose with this group (and
 * gain with the target) when the user may view grants. Progress, cancel, and a report of every person.
 */
const CopyMoveDialog = ({
  group,
  selectedIds,
  status,
  onMoved = () => undefined,
  onClose,
}: CopyMoveButtonProps & { onClose: () => void }) => {
  const { t } = useLingui();
  const canEditSource = useCanEditGroup(group);
  const canViewGrants = useCan(permissionOf('getAuthorizationSubject'));
  const [mode, setMode] = useState<'copy' | 'move'>('copy');
  const [who, setWho] = useState<Who>(selectedIds.length ? 'selected' : status ? 'filtered' : 'everyone');
  const [target, setTarget] = useState<PickedGroup | null>(null);
  const run = useMembershipRun();
  const sourceId = group.id ?? '';
  const sourceName = group.name ?? sourceId;
  const { running, lines, error } = run.state;
  const finished = !running && (lines !== null || !!error);

  const start = () => {
    if (!target) return;
    const targetName = target.name;
    void run.start(
      async (context) => {
        let people: Person[];
        if (who === 'selected') {
          context.onStep(t`Reading the selected people`);
          people = await peopleOf(selectedIds, context);
        } else {
          context.onStep(t`Reading the members of ${sourceName}`);
          const members = await readAllMembers(sourceId, context.signal, {
            expand: who === 'filtered' && status ? [status.kind] : undefined,
            onProgress: context.onReading,
            onWait: context.onWait,
          });
          people = (who === 'filtered' && status ? filterByStatus(members, status) : members).map(personOf);
        }
        context.onStep(t`Reading the members of ${targetName}`);
        const targetMembers = await readAllMembers(target.id, context.signal, {
          onProgress: context.onReading,
          onWait: context.onWait,
        });
        context.onReading(null);
        const targetMemberIds = new Set(targetMembers.map((u) => u.id ?? ''));
        const already = people.filter((p) => targetMemberIds.has(p.id)).length;
        // A move takes those the target takes out of this group, and with it the roles it grants them.
        const leaving = mode === 'move' ? people.length - already : 0;
        let rolesLoss: string | null = null;
        let rolesGain: string | null = null;
        if (leaving > 0 && canViewGrants) {
          context.onStep(t`Reading the roles ${sourceName} grants`);
          const roles = await readMoveRoleChange(group, target.id, context);
          rolesLoss = roles && roleLossSentence(leaving, roles.lost, sourceName);
          rolesGain = roles && roleGainSentence(leaving, roles.gained, target.name);
        }
        const confirmed = await confirmMultiChange({
          verb: mode === 'move' ? 'move' : 'copy',
          count: people.length,
          unit: 'person',
          target: { preposition: 'to', name: target.name },
          names: people.map((p) => p.name ?? ''),
          details: (
            <Stack gap="xs">
              <RoleLossText>{rolesLoss}</RoleLossText>
              {rolesGain ? <Text size="sm">{rolesGain}</Text> : null}
              <Text size="sm">
                {already ? `${alreadyInTargetSentence(already, target.name)} ` : ''}
                {mode === 'move'
                  ? t`Those ${targetName} takes are then removed from ${sourceName}.`
                  : t`Everyone stays in ${sourceName}.`}
              </Text>
            </Stack>
          ),
          danger: mode === 'move',
          // Losing roles is asked about even when one person moves.
          evenForOne: !!rolesLoss,
        });
        if (!confirmed) {
          run.cancel(); // aborts context.signal: the run ends as cancelled
          context.signal.throwIfAborted();
        }
        context.onStep(t`Reading why the members of ${targetName} are in`);
        const [targetGroup, individuals] = await Promise.all([
          waitOutRateLimit(() => getGroup(target.id, context.signal), context),
          waitOutRateLimit(() => listGroupIndividuals(target.id, context.signal), context),
        ]);
        const report = await runTransfer(
          {
            mode,
            source: { id: sourceId, name: sourceName },
            target: { id: target.id, name: target.name },
            people,
            targetMemberIds,
          },
          membershipCalls,
          {
            ...context,
            onPhase: (phase) =>
              context.onStep(phase === 'add' ? t`Adding to ${targetName}` : t`Removing from ${sourceName}`),
          },
        );
        const moved = report.lines
          .filter((l) => l.groupId === sourceId && l.action === 'remove' && l.outcome === 'removed')
          .map((l) => l.person.id);
        if (moved.length) onMoved(moved);
        const targetSources = {
          individualIds: new Set((individuals.entities ?? []).flatMap((u) => (u.id ? [u.id] : []))),
          ownerIds: memberOwnerIds(targetGroup),
          ruleIds: null,
        };
        return explainLines(explainLines(report.lines, target.id, targetSources), sourceId, null);
      },
      [sourceId, target.id],
    );
  };

  const close = () => {
    if (running) return;
    onClose();
  };
  const selectedCount = selectedIds.length;
  const memberCount = formatCount(group.memberCount ?? 0);
  const targetName = target?.name;

  return (
    <Modal
      opened
      onClose={close}
      title={t`Copy or move members of ${sourceName}`}
      size="lg"
      closeButtonProps={{ 'aria-label': t`Dismiss` }}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
    >
      <Stack>
        {!running && !finished ? (
          <>
            {canEditSource ? (
              <SegmentedControl
                aria-label={t`Copy or move`}
                value={mode}
                onChange={(v) => setMode(v === 'move' ? 'move' : 'copy')}
                data={[
                  { value: 'copy', label: t`Copy (keep them here)` },
                  { value: 'move', label: t`Move (take them out of here)` },
                ]}
              />
            ) : null}
            <Radio.Group
              label={t({ message: 'Who', comment: 'the choice of the people to copy or move' })}
              value={who}
              onChange={(v) => setWho(v as Who)}
            >
              <Stack gap={6} mt={6}>
                {selectedCount ? <Radio value="selected" label={t`The ${selectedCount} selected`} /> : null}
                {status ? <Radio value="filtered" label={everyoneWith(status)} /> : null}
                <Radio value="everyone" label={t`Everyone (${memberCount})`} />
              </Stack>
            </Radio.Group>
            <EditableGroupSelect
              label={t`To group`}
              description={t`Groups you may add members to.`}
              exclude={[sourceId]}
              value={target}
              onChange={setTarget}
            />
            <Text size="sm" c="dimmed">
              {mode === 'move'
                ? t`People are added to the target first; only those it took are then removed from ${sourceName}.`
                : t`People already in the target are left as they are.`}
            </Text>
          </>
        ) : null}
        <RunProgress state={run.state} onCancel={run.cancel} />
        <RunReport state={run.state} fileName={reportCsvFileName(`${sourceName} ${mode}`)} />
        {!running ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {finished ? t`Close` : t`Cancel`}
            </Button>
            {!finished ? (
              <Button onClick={start} disabled={!target}>
                {targetName === undefined
                  ? mode === 'move'
                    ? t({ message: 'Move', comment: 'button: move the people' })
                    : t({ message: 'Copy', comment: 'button: copy the people' })
                  : mode === 'move'
                    ? t`Move to ${targetName}`
                    : t`Copy to ${targetName}`}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Modal>
  );
};

export default CopyMoveDialog;
