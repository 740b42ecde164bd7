import { i18n, type MessageDescriptor } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
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

/** A label map's words in the page's language (called at render time). */
const translated = <Key extends string>(labels: Record<Key, MessageDescriptor>): Record<Key, string> =>
  Object.fromEntries(Object.entries<MessageDescriptor>(labels).map(([key, label]) => [key, i18n._(label)])) as Record<
    Key,
    string
  >;

const statusStyles = () =>
  outcomeStyles(translated(PASTE_STATUS_LABELS), {
    matched: 'green',
    ambiguous: 'violet',
    notFound: 'red',
    alreadyMember: 'gray',
    inactive: 'orange',
  });

const outcomeStylesOfLines = () =>
  outcomeStyles(translated(PASTE_OUTCOME_LABELS), {
    added: 'green',
    notAdded: 'red',
    notFound: 'red',
    skipped: 'violet',
    alreadyMember: 'gray',
    inactive: 'orange',
    duplicate: 'gray',
    notRead: 'orange',
  });

const reportColumns = (): ReportColumn<PasteReportLine>[] => {
  const outcomes = outcomeStylesOfLines();
  return [
    { header: t({ message: 'Line', comment: 'column header: a line as pasted' }), cell: (l) => l.pasted, wrap: true },
    {
      header: t({ message: 'Outcome', comment: 'column header: what became of the pasted line' }),
      cell: (l) => <OutcomeBadge style={outcomes[l.outcome]} />,
    },
    {
      header: t({ message: 'Person', comment: 'column header: the person the line resolved to' }),
      cell: (l) => l.detail || NO_VALUE,
      wrap: true,
    },
  ];
};

/** Long pasted words (a 200-character token) wrap inside their cell instead of widening the table. */
const WRAP = { overflowWrap: 'anywhere' } as const;
const SKIP = 'skip';

export interface PasteListPanelProps {
  groupId: string;
  check: PasteCheck | null;
  onChecked: (check: PasteCheck | null) => void;
}

/** A candidate of an ambiguous line as a choice: who they are, and why they cannot be chosen. */
const candidateChoiceLabel = (user: User, status: CandidateStatus): string => {
  const person = candidateLabel(user);
  if (status === 'alreadyMember') return t`${person} (already a member)`;
  if (status === 'inactive') return t`${person} (inactive)`;
  return person;
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
}) => {
  const { t } = useLingui();
  const line = pastedText(resolution.line);
  return (
    <Radio.Group
      label={t`Who is "${line}"?`}
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
              label={candidateChoiceLabel(user, status)}
              description={candidateDetails(user) || undefined}
              styles={{ description: WRAP, label: WRAP }}
            />
          );
        })}
        <Radio value={SKIP} label={t`Skip this line`} />
      </Stack>
    </Radio.Group>
  );
};

/** The repeats merged into an earlier line, named. */
const MergedDuplicates = ({ check }: { check: PasteCheck }) => {
  const { t } = useLingui();
  const count = check.duplicates.length;
  const overLimit = check.overLimit;
  if (count === 0 && check.overLimit === 0) return null;
  return (
    <Stack gap={4}>
      {count ? (
        <Text size="sm" fw={500}>
          <Plural value={count} one="# duplicate line merged" other="# duplicate lines merged" />
        </Text>
      ) : null}
      {count ? (
        <ScrollRegion label={t`Duplicate lines merged`}>
          <List size="xs" aria-label={t`Duplicate lines merged`}>
            {check.duplicates.map(({ source, firstSource }, i) => (
              <List.Item key={i} style={WRAP}>
                {source === firstSource ? t`"${source}" (repeated)` : t`"${source}", same as "${firstSource}"`}
              </List.Item>
            ))}
          </List>
        </ScrollRegion>
      ) : null}
      {overLimit ? (
        <Text size="sm" c="orange.9">
          <Plural
            value={overLimit}
            one="# more person was not read: at most 1,000 are checked at once."
            other="# more people were not read: at most 1,000 are checked at once."
          />
        </Text>
      ) : null}
    </Stack>
  );
};

/** Paste emails or names, check them, and see how each line resolved before anything is sent. */
export const PasteListPanel = ({ groupId, check, onChecked }: PasteListPanelProps) => {
  const { t } = useLingui();
  const statuses = statusStyles();
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
        label={t`Emails or names`}
        description={t`One a line, an address list (Ann Smith <ann@example.com>; …), CSV or cells copied from a spreadsheet. Nothing is added until you confirm: each person is checked first.`}
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
          <Trans comment="button: check each line of the pasted list">Check list</Trans>
        </Button>
      </Group>
      {error ? (
        <QueryErrorAlert error={error} onRetry={() => void runCheck()} title={t`Could not check the list`} />
      ) : null}
      {check && resolutions ? (
        <Stack gap="xs">
          <Group gap="xs" aria-label={t`Summary of the list`} role="group">
            {(Object.keys(PASTE_STATUS_LABELS) as PasteStatus[]).map((status) => {
              const label = statuses[status].label;
              const count = counts[status] ?? 0;
              return (
                <Badge key={status} color={statuses[status].color} variant="light" tt="none">
                  {t({ message: `${label}: ${count}`, comment: 'a status of the checked lines and how many have it' })}
                </Badge>
              );
            })}
          </Group>
          <MergedDuplicates check={check} />
          <Table aria-label={t`Checked list`} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Trans comment="column header: a line as pasted">Line</Trans>
                </Table.Th>
                <Table.Th>
                  <Trans comment="column header: how the pasted line was resolved">Result</Trans>
                </Table.Th>
                <Table.Th>
                  <Trans comment="column header: the person the line resolved to">Person</Trans>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {resolutions.map((r, index) => (
                <Table.Tr key={r.line.text}>
                  <Table.Td style={WRAP}>{pastedText(r.line)}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge style={statuses[r.status]} />
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
export const PasteReport = ({ check, result }: { check: PasteCheck; result: BatchRunResult | undefined }) => {
  const { t } = useLingui();
  return (
    <ReportTable
      label={t`Outcome of each line`}
      lines={pasteReport(check, result)}
      columns={reportColumns()}
      rowKey={(_, index) => String(index)}
    />
  );
};
