import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import { dayHeading, groupByDay } from './audit-format';

/** Records under a heading per day, in the order given (newest first). */
export const HistoryTimeline = ({
  records,
  renderEntry,
  headingOrder = 3,
}: {
  records: readonly AuditLogMessage[];
  renderEntry: (record: AuditLogMessage) => ReactNode;
  headingOrder?: 2 | 3 | 4;
}) => {
  const now = new Date();
  return (
    <Stack gap="lg">
      {groupByDay(records).map((group) => {
        const heading = dayHeading(group.day, now);
        return (
          <section key={group.day} aria-label={heading} data-day={group.day}>
            <Title order={headingOrder} size="h5" mb="xs">
              {heading}
            </Title>
            <Stack gap="sm">{group.items.map((record) => renderEntry(record))}</Stack>
          </section>
        );
      })}
    </Stack>
  );
};
