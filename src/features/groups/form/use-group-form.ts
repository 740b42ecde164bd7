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

/**
 * Shows a failed save on the form: field errors on their fields, anything else as the returned
 * form-level message.
 */
export const showSaveError = (form: UseFormReturnType<GroupFormValues>, error: unknown): string => {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'The group could not be saved.';
  const { fieldErrors, formError } = mapServerErrors(error);
  if (Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
  return formError ?? 'The server refused some values: see the fields marked in red.';
};
