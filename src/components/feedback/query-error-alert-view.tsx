import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { QueryErrorLines, type QueryErrorAlertViewProps } from './query-error-lines';

/** QueryErrorAlert's alert (query-error-alert.tsx), loaded when a part of a page first fails. */
export const QueryErrorAlertView = ({ title, ...lines }: QueryErrorAlertViewProps) => (
  <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
    <Stack gap="xs">
      <QueryErrorLines {...lines} variant="white" />
    </Stack>
  </Alert>
);
