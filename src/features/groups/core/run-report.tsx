import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScrollRegion } from '@/components/layout/scroll-region';

/**
 * The views of a long run (`long-run.ts`): one progress line, the server's wait, Cancel, the outcome
 * alert and the report table, each report driven by an outcome → label and colour map.
 */

export interface OutcomeStyle {
  label: string;
  color: string;
}

export type OutcomeStyles<Outcome extends string> = Record<Outcome, OutcomeStyle>;

/** One outcome map from a label map (also used by CSV reports) and a colour map. */
export const outcomeStyles = <Outcome extends string>(
  labels: Record<Outcome, string>,
  colours: Record<Outcome, string>,
): OutcomeStyles<Outcome> =>
  Object.fromEntries(
    (Object.keys(labels) as Outcome[]).map((o) => [o, { label: labels[o], color: colours[o] }]),
  ) as OutcomeStyles<Outcome>;

export const OutcomeBadge = ({ style }: { style: OutcomeStyle }) => (
  <Badge variant="light" color={style.color} tt="none">
    {style.label}
  </Badge>
);

/** "Deleted 3 of 10…" (the text given) above a bar named for what it counts. */
export const ProgressLine = ({
  text,
  done,
  total,
  barLabel,
}: {
  text: ReactNode;
  done: number;
  total: number;
  barLabel: string;
}) => (
  <Stack gap={4}>
    <Text size="sm" role="status">
      {text}
    </Text>
    <Progress value={total > 0 ? (done / total) * 100 : 0} aria-label={barLabel} />
  </Stack>
);

/** While a 429 is waited out. */
export const WaitNotice = ({ seconds }: { seconds: number | null }) =>
  seconds ? (
    <Text size="sm" c="orange.9" role="status">
      <Trans>The server asked to slow down: waiting {seconds} s, then resuming.</Trans>
    </Text>
  ) : null;

export const CancelRun = ({ onCancel }: { onCancel: () => void }) => (
  <Group justify="flex-end">
    <Button variant="default" onClick={onCancel}>
      <Trans>Cancel</Trans>
    </Button>
  </Group>
);

/** How a run ended: all as asked, with exceptions, or cancelled part way. */
export const RunEndAlert = ({
  allDone,
  cancelled,
  children,
}: {
  allDone: boolean;
  cancelled: boolean;
  children: ReactNode;
}) => {
  const { t } = useLingui();
  return (
    <Alert
      color={allDone ? 'green' : cancelled ? 'yellow' : 'orange'}
      role="status"
      title={allDone ? t`Done` : cancelled ? t`Cancelled: part was done` : t`Done, with exceptions`}
    >
      {children}
    </Alert>
  );
};

export interface ReportColumn<Line> {
  header: string;
  cell: (line: Line) => ReactNode;
  /** Long words (a pasted 200-character token) wrap inside the cell instead of widening the table. */
  wrap?: boolean;
}

const WRAP = { overflowWrap: 'anywhere' } as const;

/** The report's lines in a scrolling table named `label`, at most `limit` of them. */
export const ReportTable = <Line,>({
  label,
  lines,
  columns,
  rowKey,
  limit = Number.POSITIVE_INFINITY,
}: {
  label: string;
  lines: readonly Line[];
  columns: readonly ReportColumn<Line>[];
  rowKey: (line: Line, index: number) => string;
  limit?: number;
}) => (
  <ScrollRegion label={label}>
    <Table aria-label={label} striped withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.header}>{c.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.slice(0, limit).map((line, index) => (
          <Table.Tr key={rowKey(line, index)}>
            {columns.map((c) => (
              <Table.Td key={c.header} style={c.wrap ? WRAP : undefined}>
                {c.cell(line)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  </ScrollRegion>
);
