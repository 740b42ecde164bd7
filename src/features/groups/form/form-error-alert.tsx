import { useLingui } from '@lingui/react/macro';
import type { Ref } from 'react';
import { FormErrorSummary } from '@/components/feedback/form-error-summary';

/** A refused save: what went wrong (in words) and the error, for its reference. */
export interface FormError {
  message: string;
  error: unknown;
}

/** The group form's refused save, beside its submit button, with the request's reference. */
export const FormErrorAlert = ({ formError, ref }: { formError: FormError | null; ref?: Ref<HTMLDivElement> }) => {
  const { t } = useLingui();
  return formError ? (
    <FormErrorSummary
      ref={ref}
      title={t`The group was not saved`}
      message={formError.message}
      error={formError.error}
    />
  ) : null;
};
