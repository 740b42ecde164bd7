import { Badge, Button, Group, List, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { searchUsers } from '@/api/generated/endpoints/users/users';
import type { User } from '@/api/generated/model/user';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { ScrollRegion } from '@/components/layout/scroll-region';
import type { BatchRunResult } from '../core/batch-membership';
import { OutcomeBadge, outcomeStyles, ReportTable, type ReportColumn } from '../core/run-report';
import {
  checkPasteList,
  chooseCandidate,
  PASTE_OUTCOME_LABELS,
  PASTE_STATUS_LABELS,
  pastedText,
  pasteReport,
  type CandidateStatus,
  type PasteCheck,
  type PasteReportLine,
  type PasteResolution,
  type PasteStatus,
} from './paste-list';
import { NO_VALUE } from '../core/group-vocabulary';

const STATUSES = outcomeStyles(PASTE_STATUS_LABELS, {
  matched: 'green',
  ambiguous: 'violet',
  notFound: 'red',
  alreadyMember: 'gray',
  inactive: 'orange',
});

const OUTCOMES = outcomeStyles(PASTE_OUTCOME_LABELS, {
  added: 'green',
  notAdded: 'red',
  notFound: 'red',
  skipped: 'violet',
  alreadyMember: 'gray',
  inactive: 'orange',
  duplicate: 'gray',
  notRead: 'orange',
});

const REPORT_COLUMNS: ReportColumn<PasteReportLine>[] = [
  { header: 'Line', cell: (l) => l.pasted, wrap: true },
  { header: 'Outcome', cell: (l) => <OutcomeBadge style={OUTCOMES[l.outcome]} /> },
  { header: 'Person', cell: (l) => l.detail || NO_VALUE, wrap: true },
];

/** Long pasted words (a 200-character token) wrap inside their cell instead of widening the table. */
const WRAP = { overflowWrap: 'anywhere' } as const;
const SKIP = 'skip';

export interface PasteListPanelProps {
  groupId: string;
  check: PasteCheck | null;
  onChecked: (check: PasteCheck | null) => void;
}

const CANDIDATE_NOTES: Record<CandidateStatus, string> = {
  matched: '',
  alreadyMember: ' (already a member)',
  inactive: ' (inactive)',
};

/** What tells two people of the same name apart: their email in the name of the choice, department and title below. */
const candidateLabel = (user: User) => [user.name, user.email].filter(Boolean).join(', ');
const candidateDetails = (user: User) => [user.department, user.title].filter(Boolean).join(' · ');

/** An ambiguous line: one choice per person of that name, or skip the line. */
const CandidateChoice = ({
  resolution,
  onChoose,
}: {
  resolution: PasteResolution;
  onChoose: (choiceId: string | undefined) => void;
}) => (
  <Radio.Group
    label={`Who is "${pastedText(resolution.line)}"?`}
    labelProps={{ style: WRAP }}
    value={resolution.choiceId ?? SKIP}
    onChange={(value) => onChoose(value === SKIP ? undefined : value)}
  >
    <Stack gap={6} mt={4}>
      {resolution.candidates.map((user) => {
        const status = resolution.candidateStatuses?.[user.id ?? ''] ?? 'matched';
        return (
          <Radio
            key={user.id}
            value={user.id ?? ''}
            disabled={status !== 'matched'}
            label={`${candidateLabel(user)}${CANDIDATE_NOTES[status]}`}
            description={candidateDetails(user) || undefined}
            styles={{ description: WRAP, label: WRAP }}
          />
        );
      })}
      <Radio value={SKIP} label="Skip this line" />
    </Stack>
  </Radio.Group>
);

/** The repeats merged into an earlier line, named. */
const MergedDuplicates = ({ check }: { check: PasteCheck }) => {
  const count = check.duplicates.length;
  if (count === 0 && check.overLimit === 0) return null;
  return (
    <Stack gap={4}>
      {count ? (
        <Text size="sm" fw={500}>
          {count} duplicate {count === 1 ? 'line' : 'lines'} merged
        </Text>
      ) : null}
      {count ? (
        <ScrollRegion label="Duplicate lines merged">
          <List size="xs" aria-label="Duplicate lines merged">
            {check.duplicates.map((d, i) => (
              <List.Item key={i} style={WRAP}>
                {d.source === d.firstSource ? `"${d.source}" (repeated)` : `"${d.source}", same as "${d.firstSource}"`}
              </List.Item>
            ))}
          </List>
        </ScrollRegion>
      ) : null}
      {check.overLimit ? (
        <Text size="sm" c="orange.9">
          {check.overLimit} more {check.overLimit === 1 ? 'person was' : 'people were'} not read: at most 1,000 are
          checked at once.
        </Text>
      ) : null}
    </Stack>
  );
};

/** Paste emails or names, check them, and see how each line resolved before anything is sent. */
export const PasteListPanel = ({ groupId, check, onChecked }: PasteListPanelProps) => {
  const [text, setText] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const resolutions = check?.resolutions ?? null;

  const runCheck = async () => {
    setChecking(true);
    setError(null);
    try {
      onChecked(await checkPasteList(text, (request) => searchUsers(request), groupId));
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  };

  const counts = (resolutions ?? []).reduce<Partial<Record<PasteStatus, number>>>((acc, r) => {
    acc[r.status] = (acc[r.status] ?? 0) + 1;
    return acc;
  }, {});

  return (
    <Stack gap="sm">
      <Textarea
        label="Emails or names"
        description="One a line, an address list (Ann Smith <ann@example.com>; …), CSV or cells copied from a spreadsheet. Nothing is added until you confirm: each person is checked first."
        autosize
        minRows={5}
        maxRows={12}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          if (check) onChecked(null);
        }}
      />
      <Group>
        <Button variant="light" onClick={() => void runCheck()} loading={checking} disabled={!text.trim()}>
          Check list
        </Button>
      </Group>
      {error ? (
        <QueryErrorAlert error={error} onRetry={() => void runCheck()} title="Could not check the list" />
      ) : null}
      {check && resolutions ? (
        <Stack gap="xs">
          <Group gap="xs" aria-label="Summary of the list" role="group">
            {(Object.keys(PASTE_STATUS_LABELS) as PasteStatus[]).map((status) => (
              <Badge key={status} color={STATUSES[status].color} variant="light" tt="none">
                {STATUSES[status].label}: {counts[status] ?? 0}
              </Badge>
            ))}
          </Group>
          <MergedDuplicates check={check} />
          <Table aria-label="Checked list" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Person</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {resolutions.map((r, index) => (
                <Table.Tr key={r.line.text}>
                  <Table.Td style={WRAP}>{pastedText(r.line)}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge style={STATUSES[r.status]} />
                  </Table.Td>
                  <Table.Td style={WRAP}>
                    {r.status === 'ambiguous' ? (
                      <CandidateChoice
                        resolution={r}
                        onChoose={(choiceId) =>
                          onChecked({ ...check, resolutions: chooseCandidate(resolutions, index, choiceId) })
                        }
                      />
                    ) : r.user ? (
                      <Text size="sm" style={WRAP}>
                        {r.user.name}{' '}
                        <Text span c="dimmed" size="xs">
                          {r.user.email}
                        </Text>
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        –
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
};

/** After the add: every pasted line with what became of it. */
export const PasteReport = ({ check, result }: { check: PasteCheck; result: BatchRunResult | undefined }) => (
  <ReportTable
    label="Outcome of each line"
    lines={pasteReport(check, result)}
    columns={REPORT_COLUMNS}
    rowKey={(_, index) => String(index)}
  />
);
