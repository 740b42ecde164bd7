import { t } from '@lingui/core/macro';
import { schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import { isApiError } from '@/api/errors';
import { groupFormSchema, type GroupFormValues } from './group-schema';
import { mapServerErrors } from './server-errors';

/** The Mantine form of the create and edit pages, validated by the group schema. */
export const useGroupForm = (initialValues: GroupFormValues): UseFormReturnType<GroupFormValues> =>
  useForm<GroupFormValues>({
    mode: 'controlled',
    initialValues,
    validate: schemaResolver(groupFormSchema, { sync: true }),
  });

/** A refused save as the form shows it. */
export interface SaveErrorShown {
  /** The summary's words beside the submit button. */
  message: string;
  /** The server named fields of the form: they are marked with its message. */
  onFields: boolean;
}

/**
 * Shows a failed save on the form: field errors on their fields, and a message for the summary
 * beside the submit button (what belongs to no field, or a pointer to the marked fields).
 */
export const showSaveError = (form: UseFormReturnType<GroupFormValues>, error: unknown): SaveErrorShown => {
  if (!isApiError(error)) {
    return { message: error instanceof Error ? error.message : t`The group could not be saved.`, onFields: false };
  }
  const { fieldErrors, formError } = mapServerErrors(error);
  const onFields = Object.keys(fieldErrors).length > 0;
  if (onFields) form.setErrors(fieldErrors);
  return { message: formError ?? t`The server refused some values: see the fields marked in red.`, onFields };
};
