import { t } from '@lingui/core/macro';
import { Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { describeApiError } from '@/api/error-words';
import { isApiError } from '@/api/errors';
import { lazyOptional } from '@/lib/optional-chunk';
import { QueryErrorLines, type QueryErrorAlertViewProps } from './query-error-lines';

export interface QueryErrorAlertProps {
  error: unknown;
  /** Shows a "Try again" button (e.g. `() => query.refetch()`). */
  onRetry?: () => void;
  title?: string;
}

/**
 * What went wrong, in the console's words and the page's language (call at render or event time). An
 * API error of a known code gets the console's own sentence (describeApiError); the API's own text is
 * shown as a detail by ErrorReference.
 */
export const describeError = (error: unknown): string => {
  if (isApiError(error)) return describeApiError(error);
  return error instanceof Error && error.message ? error.message : t`Something went wrong.`;
};

/**
 * The error in plain lines, while the alert's code loads (`quiet`: the alert is announced when it comes)
 * or in its place when that code could not be fetched.
 */
const PlainErrorAlert = ({ title, quiet = false, ...lines }: QueryErrorAlertViewProps & { quiet?: boolean }) => (
  <Stack gap="xs" role={quiet ? undefined : 'alert'}>
    <Text fw={700} size="sm">
      {title}
    </Text>
    <QueryErrorLines {...lines} variant="light" />
  </Stack>
);

/**
 * Mantine's Alert (with its close button) is code for the moment something failed: it loads then, so
 * that the first screen does not carry it.
 */
const AlertView = lazyOptional(
  () => import('./query-error-alert-view').then((m) => m.QueryErrorAlertView),
  PlainErrorAlert,
);

/**
 * An inline error for a part of a page whose data failed to load (the rest of the page keeps working),
 * with the request's reference and the console's version.
 */
export const QueryErrorAlert = ({ error, onRetry, title }: QueryErrorAlertProps) => {
  const props = { error, onRetry, title: title ?? t`Could not load data`, message: describeError(error) };
  return (
    <Suspense fallback={<PlainErrorAlert {...props} quiet />}>
      <AlertView {...props} />
    </Suspense>
  );
};
