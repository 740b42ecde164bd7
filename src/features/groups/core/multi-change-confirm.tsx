import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { randomId } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { rememberOpener, returnFocus } from '@/components/dialogs/dialog-focus';
import { modalsReady } from '@/components/feedback/modals-host';
import { countOf as countNoun, formatCount } from '@/lib/plural';

/**
 * Above this many people or groups a change asks for the stronger confirmation: a red warning and the
 * count typed in.
 */
export const MULTI_CHANGE_WARNING_THRESHOLD = 100;

export type MultiChangeVerb = 'Add' | 'Remove' | 'Copy' | 'Move' | 'Delete' | 'Create' | 'Change';
export type MultiChangeUnit = 'person' | 'member' | 'group';

const PLURALS: Record<MultiChangeUnit, string> = { person: 'people', member: 'members', group: 'groups' };

/** One action that changes several people or groups at once, as the confirmation words it. */
export interface MultiChange {
  verb: MultiChangeVerb;
  /** How many people (or groups) it changes. */
  count: number;
  unit: MultiChangeUnit;
  /** The group (or person) changed: "to Night Shift Leads", "from Night Shift Leads". */
  target?: { preposition: 'to' | 'from' | 'for'; name: string };
  /** The names of those changed, where known: the first few are shown. */
  names?: readonly string[];
  /** What else the administrator should know (what stays, what follows). */
  details?: ReactNode;
  /** A red confirm button (removals, deletes). */
  danger?: boolean;
  /** A delete: the stronger confirmation whatever the count (a restore brings back a new group, not the same one). */
  deletes?: boolean;
  /** Asks even for one person or group (removals). */
  evenForOne?: boolean;
}

/** "1 person", "2,316 people" */
export const countOf = (count: number, unit: MultiChangeUnit): string => countNoun(count, unit, PLURALS[unit]);

/** "Add 2,316 people to Night Shift Leads?" */
export const multiChangeTitle = ({ verb, count, unit, target }: MultiChange): string =>
  `${verb} ${countOf(count, unit)}${target ? ` ${target.preposition} ${target.name}` : ''}?`;

/** Whether the action must be confirmed at all: more than one changed, or a removal or delete. */
export const needsConfirmation = (change: MultiChange): boolean =>
  change.count > 1 || !!change.evenForOne || !!change.deletes;

/** Whether it takes the stronger confirmation (above the threshold, or a delete). */
export const needsStrongConfirmation = (change: MultiChange): boolean =>
  change.count > MULTI_CHANGE_WARNING_THRESHOLD || !!change.deletes;

const NAMES_SHOWN = 5;

/** "Ann Lee, Bo Chen and 12 more" (the count may exceed the names known). */
export const namesSummary = (names: readonly string[], count: number): string => {
  const shown = names.filter(Boolean).slice(0, NAMES_SHOWN);
  const more = count - shown.length;
  if (shown.length === 0) return '';
  if (more <= 0) {
    return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  }
  return `${shown.join(', ')} and ${formatCount(more)} more`;
};

/** Whether what was typed is the count (with or without thousands separators). */
const isCount = (typed: string, count: number) => typed.replace(/[\s,.']/g, '') === String(count);

const MultiChangeConfirmBody = ({ change, onAnswer }: { change: MultiChange; onAnswer: (ok: boolean) => void }) => {
  const strong = needsStrongConfirmation(change);
  const [typed, setTyped] = useState('');
  const allowed = !strong || isCount(typed, change.count);
  const names = change.names ? namesSummary(change.names, change.count) : '';
  const counted = countOf(change.count, change.unit);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (allowed) onAnswer(true);
      }}
    >
      <Stack>
        {strong ? (
          <Alert
            color="red"
            variant="light"
            title={
              change.deletes ? `${change.verb} ${counted} now` : `More than ${MULTI_CHANGE_WARNING_THRESHOLD} at once`
            }
            icon={<IconAlertTriangle size={18} aria-hidden />}
          >
            This changes {counted} in one go. Check the count and the group before going on.
          </Alert>
        ) : null}
        {names ? <Text size="sm">{names}</Text> : null}
        {change.details ? (
          typeof change.details === 'string' ? (
            <Text size="sm">{change.details}</Text>
          ) : (
            change.details
          )
        ) : null}
        {strong ? (
          <TextInput
            label={`Type ${change.count} to confirm`}
            description={`The number of ${PLURALS[change.unit]} this changes.`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            inputMode="numeric"
            data-autofocus
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onAnswer(false)} data-autofocus={strong ? undefined : true}>
            Cancel
          </Button>
          <Button type="submit" color={change.danger || change.deletes ? 'red' : undefined} disabled={!allowed}>
            {change.verb} {counted}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/**
 * The one confirmation of every action that changes several people or groups: it names the count and
 * the target ("Add 2,316 people to Night Shift Leads?"), and above MULTI_CHANGE_WARNING_THRESHOLD (or
 * for a delete) shows a red warning and asks for the count to be typed. Resolves true on
 * confirm; false on cancel or close. A change of one (unless `evenForOne`) resolves true at once.
 * Like confirmAction it gives focus back to the control that asked, or the nearest one on screen.
 * ```ts
 * if (!(await confirmMultiChange({ verb: 'Add', count: ids.length, unit: 'person', target: { preposition: 'to', name } }))) return;
 * ```
 */
export const confirmMultiChange = (change: MultiChange): Promise<boolean> => {
  if (!needsConfirmation(change)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const opener = rememberOpener();
    let answered = false;
    const answer = (ok: boolean) => {
      if (answered) return;
      answered = true;
      returnFocus(opener, document.activeElement?.closest('[role="dialog"]'));
      resolve(ok);
    };
    const modalId = `multi-change-${randomId()}`;
    void modalsReady.then(() =>
      modals.open({
        modalId,
        title: multiChangeTitle(change),
        size: 'md',
        closeButtonProps: { 'aria-label': 'Dismiss' },
        returnFocus: false,
        onClose: () => answer(false),
        children: (
          <MultiChangeConfirmBody
            change={change}
            onAnswer={(ok) => {
              answer(ok);
              modals.close(modalId);
            }}
          />
        ),
      }),
    );
  });
};
