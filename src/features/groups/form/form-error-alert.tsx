import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ErrorReference } from '@/components/feedback/error-reference';

/** A save error that belongs to no single field: what went wrong, and the request's reference. */
export interface FormError {
  message: string;
  error: unknown;
}

export const FormErrorAlert = ({ formError }: { formError: FormError | null }) =>
  formError ? (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title="The group was not saved" role="alert">
      {formError.message}
      <ErrorReference error={formError.error} />
    </Alert>
  ) : null;
