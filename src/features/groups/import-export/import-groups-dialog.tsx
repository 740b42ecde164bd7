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
import { confirmMultiChange, countOf } from '../core/multi-change-confirm';
import { countOf as countNoun } from '@/lib/plural';
import { ErrorReference } from '@/components/feedback/error-reference';
import { IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { downloadText } from '@/lib/download';
import { IMPORT_TEMPLATE_FILE_NAME, importColumnsText, importTemplateCsv } from './import-template';

const PLAN_LABELS: OutcomeStyles<PlanStatus> = {
  create: { label: 'Will be created', color: 'green' },
  invalid: { label: 'Invalid', color: 'red' },
  exists: { label: 'Already exists', color: 'gray' },
  unchanged: { label: 'Unchanged', color: 'teal' },
};
const RESULT_LABELS: OutcomeStyles<CreateResult['outcome']> = {
  created: { label: 'Created', color: 'green' },
  notCreated: { label: 'Not created', color: 'red' },
  incomplete: { label: 'Created, incomplete', color: 'orange' },
  cancelled: { label: 'Cancelled', color: 'yellow' },
};

const REPORT_COLUMNS: ReportColumn<CreateResult>[] = [
  { header: 'Line', cell: (r) => r.line },
  { header: propertyLabel('name'), cell: (r) => r.name },
  { header: 'Outcome', cell: (r) => <OutcomeBadge style={RESULT_LABELS[r.outcome]} /> },
  { header: 'Why', cell: (r) => r.reason ?? '' },
];

const PLAN_COLUMNS: ReportColumn<PlanLine>[] = [
  { header: 'Line', cell: (l) => l.line },
  { header: propertyLabel('name'), cell: (l) => l.name || NO_VALUE },
  { header: 'Result', cell: (l) => <OutcomeBadge style={PLAN_LABELS[l.status]} /> },
  {
    header: 'Why',
    cell: (l) =>
      l.status === 'create'
        ? `${countNoun(l.memberIds.length, 'member', 'members')}, ${countNoun(l.ownerIds.length, 'owner', 'owners')}`
        : l.status === 'unchanged'
          ? 'The group exists as the line describes it: nothing to do.'
          : l.problems.join(' '),
  },
];

const EXAMPLE = (['name', 'description', 'type', 'visibility', 'rulesVisible', 'owners', 'members'] as const)
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
      verb: 'Create',
      count: toCreate.length,
      unit: 'group',
      names: toCreate.map((l) => l.name),
      details: `With ${countOf(members, 'member')} added in all.`,
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

  return (
    <Modal
      opened
      onClose={close}
      title="Import groups from CSV"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Dismiss' }}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
    >
      <Stack>
        {!results ? (
          <>
            <Stack gap={4}>
              <FileInput
                label="CSV file"
                placeholder="Choose a CSV file…"
                // Read as text, not as a faint hint: Mantine's placeholder grey is below AA on a real element.
                styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
                description={`A .csv file with a header row. Columns: ${importColumnsText()}. Owners and members by email, separated by semicolons.`}
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
                  Download a template
                </Button>
              </Group>
            </Stack>
            <Textarea
              label="Or paste the CSV"
              description={`Header: ${EXAMPLE}. Type official or social; visibility public, owners or members; owners by email or user id, members by email, separated by semicolons. A file from Export view imports as it is.`}
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
                Check (dry run)
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
          <Alert color="red" role="alert" title="Could not check the file">
            {describeError(error)}
            <ErrorReference error={error} />
          </Alert>
        ) : null}
        {plan && !results && notes.length ? (
          <Alert color="blue" title="Columns not imported">
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
            <Group gap="xs" role="group" aria-label="Dry run summary">
              {(Object.keys(PLAN_LABELS) as PlanStatus[]).map((s) => (
                <Badge key={s} color={PLAN_LABELS[s].color} variant="light" tt="none">
                  {PLAN_LABELS[s].label}: {counts[s]}
                </Badge>
              ))}
            </Group>
            <ReportTable label="Dry run" lines={plan} columns={PLAN_COLUMNS} rowKey={(l) => String(l.line)} />
          </>
        ) : null}
        {running ? (
          <Stack gap={4}>
            <ProgressLine
              text={`Created ${run.state.detail?.done ?? 0} of ${toCreate.length}…`}
              done={run.state.detail?.done ?? 0}
              total={toCreate.length}
              barLabel="Groups created"
            />
            <WaitNotice seconds={run.state.waitSeconds} />
          </Stack>
        ) : null}
        {results ? (
          <>
            <RunEndAlert allDone={created === results.length} cancelled={run.state.cancelled}>
              {created} created{created < results.length ? `, ${results.length - created} not` : ''}.
            </RunEndAlert>
            <ReportTable
              label="Import report"
              lines={results}
              columns={REPORT_COLUMNS}
              rowKey={(r) => String(r.line)}
            />
          </>
        ) : null}
        <Group justify="flex-end">
          {running ? (
            <Button variant="default" onClick={run.cancel}>
              Cancel
            </Button>
          ) : (
            <Button variant="default" onClick={close}>
              {results ? 'Close' : 'Cancel'}
            </Button>
          )}
          {plan && !results ? (
            <Button onClick={() => void create()} loading={running} disabled={toCreate.length === 0}>
              Create {toCreate.length} {toCreate.length === 1 ? 'group' : 'groups'}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
};

export default ImportGroupsDialog;
