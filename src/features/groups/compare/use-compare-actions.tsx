import { plural, t } from '@lingui/core/macro';
import { Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { useCan, useCanEditGroup } from '@/lib/permissions';
import { permissionOf } from '@/lib/permission-names';
import { useMembershipRun } from '../across/use-membership-run';
import { membershipCalls } from '../core/membership-calls';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { RoleLossText } from '../core/role-loss-text';
import { changeGroup, explainLines, type Person } from '../core/transfer';
import type { CompareSet } from './compare-sets';
import { readRemovalRoleLoss } from './remove-roles';

/** A change offered for people of the set shown: add them to the other group, or take them out of A. */
export type CompareAction = { kind: 'add' | 'remove'; group: GroupModel; label: string };

interface CompareActionsOptions {
  groupA: GroupModel | undefined;
  groupB: GroupModel | undefined;
  nameA: string;
  nameB: string;
  set: CompareSet;
  /** Called when a run ends: the people it changed leave the selection. */
  clearSelection: () => void;
}

/**
 * The changes offered for the set shown (to groups the user may change) and running one: a confirmation
 * first, naming the roles people lose on a removal when the user may view grants, then the run.
 * `action` is the one whose run dialog is open; `closeRun` closes it.
 */
export const useCompareActions = ({ groupA, groupB, nameA, nameB, set, clearSelection }: CompareActionsOptions) => {
  const [action, setAction] = useState<CompareAction | null>(null);
  const run = useMembershipRun();
  const canEditA = useCanEditGroup(groupA);
  const canEditB = useCanEditGroup(groupB);
  const canViewGrants = useCan(permissionOf('getAuthorizationSubject'));
  // A click while the roles are read does not ask twice.
  const checking = useRef(false);

  const actions: CompareAction[] = [];
  if (groupA && groupB) {
    if (set === 'onlyA' && canEditB) actions.push({ kind: 'add', group: groupB, label: t`Add to ${nameB}` });
    if (set === 'onlyB' && canEditA) actions.push({ kind: 'add', group: groupA, label: t`Add to ${nameA}` });
    if ((set === 'onlyA' || set === 'both') && canEditA) {
      actions.push({ kind: 'remove', group: groupA, label: t`Remove from ${nameA}` });
    }
  }

  const startAction = async (chosen: CompareAction, people: Person[]) => {
    if (checking.current) return;
    let rolesLoss: string[] = [];
    if (chosen.kind === 'remove' && canViewGrants) {
      checking.current = true;
      // People in both stay in B, and keep what it grants.
      const stayIn = set === 'both' ? (groupB ?? null) : null;
      rolesLoss = await readRemovalRoleLoss(chosen.group, people, stayIn);
      checking.current = false;
    }
    const removeNote = t`Only people added directly are taken out; owners and people added by rules stay.`;
    const ok = await confirmMultiChange({
      verb: chosen.kind === 'add' ? 'add' : 'remove',
      count: people.length,
      unit: 'person',
      target: { preposition: chosen.kind === 'add' ? 'to' : 'from', name: chosen.group.name ?? '' },
      names: people.map((p) => p.name ?? ''),
      details:
        chosen.kind === 'add' ? (
          t`People already in the group are left as they are.`
        ) : rolesLoss.length ? (
          <Stack gap="xs">
            {rolesLoss.map((sentence) => (
              <RoleLossText key={sentence}>{sentence}</RoleLossText>
            ))}
            <Text size="sm">{removeNote}</Text>
          </Stack>
        ) : (
          removeNote
        ),
      danger: chosen.kind === 'remove',
      evenForOne: chosen.kind === 'remove',
    });
    if (!ok) return;
    setAction(chosen);
    void run
      .start(async (context) => {
        const action = chosen.label;
        context.onStep(plural(people.length, { one: `${action}: # person`, other: `${action}: # people` }));
        const lines = await changeGroup(
          { groupId: chosen.group.id ?? '', groupName: chosen.group.name, action: chosen.kind, people },
          membershipCalls,
          context,
        );
        return explainLines(lines, chosen.group.id ?? '', null);
      })
      .then(() => clearSelection());
  };

  const closeRun = () => {
    setAction(null);
    run.reset();
  };

  return { actions, action, run, startAction, closeRun };
};
