import { plural, t } from '@lingui/core/macro';
import { Plural, Trans } from '@lingui/react/macro';
import { Alert, Badge, Button, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { createGroup, deleteGroup, searchGroups } from '@/api/generated/endpoints/groups/groups';
import { searchUsers } from '@/api/generated/endpoints/users/users';
import type { Group as GroupModel } from '@/api/generated/model/group';
import type { User } from '@/api/generated/model/user';
import { resolvedQueryOptions } from '@/api/resolve-names';
import { describeError } from '@/components/feedback/query-error-alert';
import { membershipCalls } from '../core/membership-calls';
import { waitOutRateLimit } from '@/api/rate-limit';
import { INVALIDATES } from '../core/group-mutations';
import { eachItem, useLongRun } from '../core/long-run';
import {
  OutcomeBadge,
  ProgressLine,
  ReportTable,
  RunEndAlert,
  WaitNotice,
  type OutcomeStyles,
  type ReportColumn,
} from '../core/run-report';
import { findPastedUsers } from '../members/paste-list';
import { parseImportCsv } from './groups-csv';
import { buildImportPlan, createPlanned, type CreateResult, type PlanLine, type PlanStatus } from './import-plan';
import { csvHeaderOf, NO_VALUE, propertyLabel } from '../core/group-vocabulary';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { ErrorReference } from '@/components/feedback/error-reference';
import { IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { downloadText } from '@/lib/download';
import { IMPORT_TEMPLATE_FILE_NAME, importColumnsText, importTemplateCsv } from './import-template';

/** What the dry run found, per line, in the page's language. */
const planLabels = (): OutcomeStyles<PlanStatus> => ({
  create: {
    label: t({ message: 'Will be created', comment: 'import dry run: what happens to a line' }),
    color: 'green',
  },
  invalid: { label: t({ message: 'Invalid', comment: 'import dry run: a line of the file' }), color: 'red' },
  exists: {
    label: t({ message: 'Already exists', comment: "import dry run: a group of the line's name" }),
    color: 'gray',
  },
  unchanged: {
    label: t({ message: 'Unchanged', comment: 'import dry run: the group is as the line says' }),
    color: 'teal',
  },
});

/** How the creation of each line ended, in the page's language. */
const resultLabels = (): OutcomeStyles<CreateResult['outcome']> => ({
  created: { label: t({ message: 'Created', comment: 'import report: a group' }), color: 'green' },
  notCreated: { label: t({ message: 'Not created', comment: 'import report: a group' }), color: 'red' },
  incomplete: { label: t({ message: 'Created, incomplete', comment: 'import report: a group' }), color: 'orange' },
  cancelled: { label: t({ message: 'Cancelled', comment: 'import report: a group' }), color: 'yellow' },
});

const reportColumns = (): ReportColumn<CreateResult>[] => {
  const labels = resultLabels();
  return [
    { header: t({ message: 'Line', comment: 'column header: line number in the CSV file' }), cell: (r) => r.line },
    { header: propertyLabel('name'), cell: (r) => r.name },
    {
      header: t({ message: 'Outcome', comment: 'column header' }),
      cell: (r) => <OutcomeBadge style={labels[r.outcome]} />,
    },
    { header: t({ message: 'Why', comment: 'column header: the reason of the outcome' }), cell: (r) => r.reason ?? '' },
  ];
};

/** What a line to create adds: "2 members, 1 owner". */
const createdWith = (line: PlanLine): string => {
  const members = plural(line.memberIds.length, { one: '# member', other: '# members' });
  const owners = plural(line.ownerIds.length, { one: '# owner', other: '# owners' });
  return t({
    message: `${members}, ${owners}`,
    comment: 'import dry run: what a new group gets, e.g. "2 members, 1 owner"',
  });
};

const planColumns = (labels: OutcomeStyles<PlanStatus>): ReportColumn<PlanLine>[] => [
  { header: t({ message: 'Line', comment: 'column header: line number in the CSV file' }), cell: (l) => l.line },
  { header: propertyLabel('name'), cell: (l) => l.name || NO_VALUE },
  {
    header: t({ message: 'Result', comment: 'column header: what the dry run found' }),
    cell: (l) => <OutcomeBadge style={labels[l.status]} />,
  },
  {
    header: t({ message: 'Why', comment: 'column header: the reason of the outcome' }),
    cell: (l) =>
      l.status === 'create'
        ? createdWith(l)
        : l.status === 'unchanged'
          ? t`The group exists as the line describes it: nothing to do.`
          : l.problems.join(' '),
  },
];

/** The header row of the import's columns, the same in every language. */
const CSV_HEADER_ROW = (['name', 'description', 'type', 'visibility', 'rulesVisible', 'owners', 'members'] as const)
  .map(csvHeaderOf)
  .join(',');

/** The existing group of each name (EXACT ignores case), by its name in lower case, through the rate-limit wait. */
const existingGroups = async (names: readonly string[], signal: AbortSignal): Promise<Map<string, GroupModel>> => {
  const out = new Map<string, GroupModel>();
  for (const name of names) {
    const found = await waitOutRateLimit(
      () =>
        searchGroups({ query: [{ type: 'EXACT', fields: ['name'], value: name }], pageSize: 1, pageNumber: 1 }, signal),
      { signal },
    );
    const group = found.results?.[0];
    if ((found.total ?? 0) > 0 && group) out.set(name.toLowerCase(), group);
  }
  return out;
};

/**
 * Import groups from CSV: a dry run that says line by line what will be created, what is invalid and
 * why, and what already exists; then creation with progress, cancel and a report. A line whose members
 * cannot all be added is deleted again, or the report says what exists. Closing the dialog while the
 * dry run checks stops the check's requests.
 */
const ImportGroupsDialog = ({ onClose }: { onClose: () => void }) => {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<PlanLine[] | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useLongRun<CreateResult>();
  const { running, lines: results } = run.state;
  const toCreate = (plan ?? []).filter((l) => l.status === 'create');
  // The dry run under way, stopped when the dialog closes.
  const checkRef = useRef<AbortController | null>(null);
  useEffect(() => () => checkRef.current?.abort(), []);

  const check = async () => {
    checkRef.current?.abort();
    const controller = new AbortController();
    checkRef.current = controller;
    setChecking(true);
    setError(null);
    setPlan(null);
    try {
      const parsed = parseImportCsv(text);
      setFileError(parsed.fileError ?? null);
      setNotes(parsed.notes);
      if (parsed.fileError) return;
      const emails = [...new Set(parsed.rows.flatMap((r) => [...r.ownerEmails, ...r.memberEmails]))];
      const users: User[] = emails.length
        ? await findPastedUsers(
            emails.map((e) => ({ text: e, kind: 'email' as const })),
            (request) => waitOutRateLimit(() => searchUsers(request, controller.signal), { signal: controller.signal }),
          )
        : [];
      const byEmail = new Map<string, User>();
      for (const u of users) {
        if (u.email) byEmail.set(u.email.toLowerCase(), u);
        if (u.username) byEmail.set(u.username.toLowerCase(), u);
      }
      const ownerIds = [...new Set(parsed.rows.flatMap((r) => r.ownerUserIds))];
      const owners = await Promise.all(
        ownerIds.map((id) => queryClient.fetchQuery(resolvedQueryOptions(queryClient, 'user', id))),
      );
      controller.signal.throwIfAborted();
      const knownIds = new Set(owners.flatMap((u) => (u?.id ? [u.id.toLowerCase()] : [])));
      const existing = await existingGroups(
        parsed.rows.map((r) => r.name),
        controller.signal,
      );
      setPlan(buildImportPlan(parsed.rows, parsed.invalid, existing, byEmail, knownIds));
    } catch (e) {
      if (!controller.signal.aborted) setError(e);
    } finally {
      if (checkRef.current === controller) {
        checkRef.current = null;
        setChecking(false);
      }
    }
  };

  const close = () => {
    if (running) return;
    checkRef.current?.abort();
    onClose();
  };

  const create = async () => {
    const members = toCreate.reduce((sum, l) => sum + l.memberIds.length, 0);
    const confirmed = await confirmMultiChange({
      verb: 'create',
      count: toCreate.length,
      unit: 'group',
      names: toCreate.map((l) => l.name),
      details: plural(members, { one: 'With # member added in all.', other: 'With # members added in all.' }),
    });
    if (!confirmed) return;
    await run.start(
      (context) =>
        eachItem(
          toCreate,
          context,
          (line) =>
            createPlanned(
              line,
              {
                create: (body) => context.call((signal) => createGroup(body, signal)),
                remove: (id) => waitOutRateLimit(() => deleteGroup(id)),
                membership: membershipCalls,
              },
              { signal: context.signal, onWait: context.onWait },
            ),
          {
            failed: (line, reason) => ({ line: line.line, name: line.name, outcome: 'notCreated', reason }),
            cancelled: (line) => ({ line: line.line, name: line.name, outcome: 'cancelled' }),
          },
        ),
      () => INVALIDATES.importGroups(),
    );
  };

  const readFile = async (file: File | null) => {
    if (!file) return;
    setText(await file.text());
    setPlan(null);
    run.reset();
  };

  const counts = (plan ?? []).reduce<Record<PlanStatus, number>>(
    (acc, l) => ({ ...acc, [l.status]: acc[l.status] + 1 }),
    { create: 0, invalid: 0, exists: 0, unchanged: 0 },
  );
  const created = results?.filter((r) => r.outcome === 'created').length ?? 0;
  const notCreated = (results?.length ?? 0) - created;
  const done = run.state.detail?.done ?? 0;
  const total = toCreate.length;
  const planStyles = planLabels();
  const columns = importColumnsText();
  const header = CSV_HEADER_ROW;

  return (
    <Modal
      opened
      onClose={close}
      title={t`Import groups from CSV`}
      size="xl"
      closeButtonProps={{ 'aria-label': t`Dismiss` }}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
    >
      <Stack>
        {!results ? (
          <>
            <Stack gap={4}>
              <FileInput
                label={t`CSV file`}
                placeholder={t`Choose a CSV file…`}
                // Read as text, not as a faint hint: Mantine's placeholder grey is below AA on a real element.
                styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
                description={t`A .csv file with a header row. Columns: ${columns}. Owners and members by email, separated by semicolons.`}
                leftSection={<IconFileTypeCsv size={16} aria-hidden />}
                accept=".csv,text/csv,text/plain"
                onChange={(f) => void readFile(f)}
                clearable
              />
              <Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  onClick={() => downloadText(importTemplateCsv(), IMPORT_TEMPLATE_FILE_NAME)}
                >
                  <Trans>Download a template</Trans>
                </Button>
              </Group>
            </Stack>
            <Textarea
              label={t`Or paste the CSV`}
              description={t({
                message: `Header: ${header}. Type official or social; visibility public, owners or members; owners by email or user id, members by email, separated by semicolons. A file from Export view imports as it is.`,
                comment:
                  'header is the CSV header row; official, social, public, owners and members are values the file takes; Export view is a button',
              })}
              autosize
              minRows={4}
              maxRows={10}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setPlan(null);
              }}
              disabled={running}
            />
            <Group>
              <Button
                variant="light"
                onClick={() => void check()}
                loading={checking}
                disabled={!text.trim() || running}
              >
                <Trans>Check (dry run)</Trans>
              </Button>
            </Group>
          </>
        ) : null}
        {fileError ? (
          <Alert color="red" role="alert">
            {fileError}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert" title={t`Could not check the file`}>
            {describeError(error)}
            <ErrorReference error={error} />
          </Alert>
        ) : null}
        {plan && !results && notes.length ? (
          <Alert color="blue" title={t`Columns not imported`}>
            <Stack gap={4}>
              {notes.map((note) => (
                <Text key={note} size="sm">
                  {note}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {plan && !results ? (
          <>
            <Group gap="xs" role="group" aria-label={t`Dry run summary`}>
              {(Object.keys(planStyles) as PlanStatus[]).map((s) => {
                const outcome = planStyles[s].label;
                const count = counts[s];
                return (
                  <Badge key={s} color={planStyles[s].color} variant="light" tt="none">
                    <Trans comment="import dry run summary: an outcome and how many lines have it">
                      {outcome}: {count}
                    </Trans>
                  </Badge>
                );
              })}
            </Group>
            <ReportTable
              label={t`Dry run`}
              lines={plan}
              columns={planColumns(planStyles)}
              rowKey={(l) => String(l.line)}
            />
          </>
        ) : null}
        {running ? (
          <Stack gap={4}>
            <ProgressLine
              text={t`Created ${done} of ${total}…`}
              done={done}
              total={total}
              barLabel={t`Groups created`}
            />
            <WaitNotice seconds={run.state.waitSeconds} />
          </Stack>
        ) : null}
        {results ? (
          <>
            <RunEndAlert allDone={created === results.length} cancelled={run.state.cancelled}>
              {created < results.length ? (
                <Trans comment="import report: how many groups were created and how many not">
                  {created} created, {notCreated} not.
                </Trans>
              ) : (
                <Trans comment="import report: how many groups were created">{created} created.</Trans>
              )}
            </RunEndAlert>
            <ReportTable
              label={t`Import report`}
              lines={results}
              columns={reportColumns()}
              rowKey={(r) => String(r.line)}
            />
          </>
        ) : null}
        <Group justify="flex-end">
          {running ? (
            <Button variant="default" onClick={run.cancel}>
              <Trans>Cancel</Trans>
            </Button>
          ) : (
            <Button variant="default" onClick={close}>
              {results ? <Trans>Close</Trans> : <Trans>Cancel</Trans>}
            </Button>
          )}
          {plan && !results ? (
            <Button onClick={() => void create()} loading={running} disabled={toCreate.length === 0}>
              <Plural value={toCreate.length} one="Create # group" other="Create # groups" />
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
};

export default ImportGroupsDialog;
