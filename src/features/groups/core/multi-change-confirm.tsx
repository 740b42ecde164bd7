import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { randomId } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { rememberOpener, returnFocus } from '@/components/dialogs/dialog-focus';
import { modalsReady } from '@/components/feedback/modals-host';
import { plural, select, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { formatList } from '@/lib/locale';

/**
 * Above this many people or groups a change asks for the stronger confirmation: a red warning and the
 * count typed in.
 */
export const MULTI_CHANGE_WARNING_THRESHOLD = 100;

export type MultiChangeVerb = 'add' | 'remove' | 'copy' | 'move' | 'delete' | 'create' | 'change';
export type MultiChangeUnit = 'person' | 'member' | 'group';

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
export const countOf = (count: number, unit: MultiChangeUnit): string => {
  switch (unit) {
    case 'person':
      return plural(count, { one: '# person', other: '# people' });
    case 'member':
      return plural(count, { one: '# member', other: '# members' });
    case 'group':
      return plural(count, { one: '# group', other: '# groups' });
  }
};

/**
 * The words of one action on one unit, each a whole sentence: the title ("Add 2,316 people?", and with
 * its target "Add 2,316 people to Night Shift Leads?"), the confirm button ("Add 2,316 people") and a
 * delete's warning ("Delete 3 groups now").
 */
interface ActionWording {
  title: (count: number) => string;
  /** The title naming the group (or person) changed, with the preposition the action takes. */
  titleWith?: {
    preposition: NonNullable<MultiChange['target']>['preposition'];
    text: (count: number, name: string) => string;
  };
  button: (count: number) => string;
  now: (count: number) => string;
}

/** The actions the console confirms, by verb and unit (a new one gets its sentences here). */
const ACTIONS: Partial<Record<`${MultiChangeVerb} ${MultiChangeUnit}`, ActionWording>> = {
  'add person': {
    title: (count) => plural(count, { one: 'Add # person?', other: 'Add # people?' }),
    titleWith: {
      preposition: 'to',
      text: (count, name) => plural(count, { one: `Add # person to ${name}?`, other: `Add # people to ${name}?` }),
    },
    button: (count) => plural(count, { one: 'Add # person', other: 'Add # people' }),
    now: (count) => plural(count, { one: 'Add # person now', other: 'Add # people now' }),
  },
  'remove person': {
    title: (count) => plural(count, { one: 'Remove # person?', other: 'Remove # people?' }),
    titleWith: {
      preposition: 'from',
      text: (count, name) =>
        plural(count, { one: `Remove # person from ${name}?`, other: `Remove # people from ${name}?` }),
    },
    button: (count) => plural(count, { one: 'Remove # person', other: 'Remove # people' }),
    now: (count) => plural(count, { one: 'Remove # person now', other: 'Remove # people now' }),
  },
  'remove member': {
    title: (count) => plural(count, { one: 'Remove # member?', other: 'Remove # members?' }),
    titleWith: {
      preposition: 'from',
      text: (count, name) =>
        plural(count, { one: `Remove # member from ${name}?`, other: `Remove # members from ${name}?` }),
    },
    button: (count) => plural(count, { one: 'Remove # member', other: 'Remove # members' }),
    now: (count) => plural(count, { one: 'Remove # member now', other: 'Remove # members now' }),
  },
  'copy person': {
    title: (count) => plural(count, { one: 'Copy # person?', other: 'Copy # people?' }),
    titleWith: {
      preposition: 'to',
      text: (count, name) => plural(count, { one: `Copy # person to ${name}?`, other: `Copy # people to ${name}?` }),
    },
    button: (count) => plural(count, { one: 'Copy # person', other: 'Copy # people' }),
    now: (count) => plural(count, { one: 'Copy # person now', other: 'Copy # people now' }),
  },
  'move person': {
    title: (count) => plural(count, { one: 'Move # person?', other: 'Move # people?' }),
    titleWith: {
      preposition: 'to',
      text: (count, name) => plural(count, { one: `Move # person to ${name}?`, other: `Move # people to ${name}?` }),
    },
    button: (count) => plural(count, { one: 'Move # person', other: 'Move # people' }),
    now: (count) => plural(count, { one: 'Move # person now', other: 'Move # people now' }),
  },
  'change group': {
    title: (count) => plural(count, { one: 'Change # group?', other: 'Change # groups?' }),
    titleWith: {
      preposition: 'for',
      text: (count, name) =>
        plural(count, { one: `Change # group for ${name}?`, other: `Change # groups for ${name}?` }),
    },
    button: (count) => plural(count, { one: 'Change # group', other: 'Change # groups' }),
    now: (count) => plural(count, { one: 'Change # group now', other: 'Change # groups now' }),
  },
  'create group': {
    title: (count) => plural(count, { one: 'Create # group?', other: 'Create # groups?' }),
    button: (count) => plural(count, { one: 'Create # group', other: 'Create # groups' }),
    now: (count) => plural(count, { one: 'Create # group now', other: 'Create # groups now' }),
  },
  'delete group': {
    title: (count) => plural(count, { one: 'Delete # group?', other: 'Delete # groups?' }),
    button: (count) => plural(count, { one: 'Delete # group', other: 'Delete # groups' }),
    now: (count) => plural(count, { one: 'Delete # group now', other: 'Delete # groups now' }),
  },
};

/** The wording of a change; a combination of verb, unit and preposition without one is a developer's mistake. */
const wordingOf = ({ verb, unit, target }: Pick<MultiChange, 'verb' | 'unit' | 'target'>): ActionWording => {
  const wording = ACTIONS[`${verb} ${unit}`];
  if (!wording) throw new Error(`multi-change-confirm: no wording for "${verb} ${unit}"; add it to ACTIONS`);
  if (target && wording.titleWith?.preposition !== target.preposition) {
    throw new Error(`multi-change-confirm: no wording for "${verb} ${unit} ${target.preposition}"; add it to ACTIONS`);
  }
  return wording;
};

/** "Add 2,316 people to Night Shift Leads?" */
export const multiChangeTitle = (change: MultiChange): string => {
  const wording = wordingOf(change);
  return change.target && wording.titleWith
    ? wording.titleWith.text(change.count, change.target.name)
    : wording.title(change.count);
};

/** Whether the action must be confirmed at all: more than one changed, or a removal or delete. */
export const needsConfirmation = (change: MultiChange): boolean =>
  change.count > 1 || !!change.evenForOne || !!change.deletes;

/** Whether it takes the stronger confirmation (above the threshold, or a delete). */
export const needsStrongConfirmation = (change: MultiChange): boolean =>
  change.count > MULTI_CHANGE_WARNING_THRESHOLD || !!change.deletes;

const NAMES_SHOWN = 5;

/** "Ann Lee, Bo Chen and 12 more", "Ann Lee, Bo Chen, and Cy Diaz" (the count may exceed the names known). */
export const namesSummary = (names: readonly string[], count: number): string => {
  const shown = names.filter(Boolean).slice(0, NAMES_SHOWN);
  const more = count - shown.length;
  if (shown.length === 0) return '';
  if (more <= 0) {
    return formatList(shown);
  }
  const shownNames = shown.join(', ');
  return plural(more, { one: `${shownNames} and # more`, other: `${shownNames} and # more` });
};

/** Whether what was typed is the count (with or without thousands separators). */
const isCount = (typed: string, count: number) => typed.replace(/[\s,.']/g, '') === String(count);

/** "This changes 2,316 people in one go. …" */
const inOneGo = (count: number, unit: MultiChangeUnit): string => {
  switch (unit) {
    case 'person':
      return plural(count, {
        one: 'This changes # person in one go. Check the count and the group before going on.',
        other: 'This changes # people in one go. Check the count and the group before going on.',
      });
    case 'member':
      return plural(count, {
        one: 'This changes # member in one go. Check the count and the group before going on.',
        other: 'This changes # members in one go. Check the count and the group before going on.',
      });
    case 'group':
      return plural(count, {
        one: 'This changes # group in one go. Check the count and the group before going on.',
        other: 'This changes # groups in one go. Check the count and the group before going on.',
      });
  }
};

const MultiChangeConfirmBody = ({ change, onAnswer }: { change: MultiChange; onAnswer: (ok: boolean) => void }) => {
  const strong = needsStrongConfirmation(change);
  const [typed, setTyped] = useState('');
  const allowed = !strong || isCount(typed, change.count);
  const names = change.names ? namesSummary(change.names, change.count) : '';
  const wording = wordingOf(change);
  const count = change.count;
  const threshold = MULTI_CHANGE_WARNING_THRESHOLD;
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
            title={change.deletes ? wording.now(count) : t`More than ${threshold} at once`}
            icon={<IconAlertTriangle size={18} aria-hidden />}
          >
            {inOneGo(count, change.unit)}
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
            label={t`Type ${count} to confirm`}
            description={select(change.unit, {
              person: 'The number of people this changes.',
              member: 'The number of members this changes.',
              group: 'The number of groups this changes.',
              other: 'The number this changes.',
            })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            inputMode="numeric"
            data-autofocus
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onAnswer(false)} data-autofocus={strong ? undefined : true}>
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" color={change.danger || change.deletes ? 'red' : undefined} disabled={!allowed}>
            {wording.button(count)}
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
 * if (!(await confirmMultiChange({ verb: 'add', count: ids.length, unit: 'person', target: { preposition: 'to', name } }))) return;
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
        closeButtonProps: { 'aria-label': t`Dismiss` },
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
