import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { Ref } from 'react';
import { ErrorReference } from './error-reference';

export interface FormErrorSummaryProps {
  /** What did not happen ("The group was not saved"). */
  title: string;
  /** What went wrong, in words. */
  message: string;
  /** The error, for its reference. */
  error: unknown;
  /** Takes the focus after a refused submit (useSubmitFailureFocus's summaryRef). */
  ref?: Ref<HTMLDivElement>;
}

/**
 * A refused submit, shown beside the form's submit button: what went wrong and the request's
 * reference. It can take the focus, so a failed submit moves the user to it.
 */
export const FormErrorSummary = ({ title, message, error, ref }: FormErrorSummaryProps) => (
  <Alert
    ref={ref}
    tabIndex={-1}
    color="red"
    icon={<IconAlertCircle size={18} />}
    title={title}
    role="alert"
    data-testid="form-error-summary"
  >
    {message}
    <ErrorReference error={error} />
  </Alert>
);
