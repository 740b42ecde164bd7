import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { useDraft } from '@/lib/drafts';
import { useSubmitFailureFocus } from '@/lib/use-submit-failure-focus';
import { DraftNotice } from './draft-notice';
import { FormErrorAlert, type FormError } from './form-error-alert';
import { GroupFormFields } from './group-form-fields';
import { useCreateGroupMutation } from '../core/group-mutations';
import { emptyGroupFormValues, formValuesToCreate } from './group-schema';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { showSaveError, useGroupForm } from './use-group-form';

export const CREATE_DRAFT_KEY = 'route:/groups/new';

export interface CreateGroupFormProps {
  /** Called after the draft was discarded, to start again with an empty form. */
  onDraftDiscarded: () => void;
}

/** The create form: on success, the user lands on the new group's page. */
export const CreateGroupForm = ({ onDraftDiscarded }: CreateGroupFormProps) => {
  const { t } = useLingui();
  const navigate = useNavigate();
  const form = useGroupForm(emptyGroupFormValues());
  const draft = useDraft(CREATE_DRAFT_KEY, form);
  const create = useCreateGroupMutation();
  const [formError, setFormError] = useState<FormError | null>(null);
  const { formRef, summaryRef, show: showFailureAt } = useSubmitFailureFocus();

  const submit = form.onSubmit(
    async (values) => {
      setFormError(null);
      try {
        const group = await create.mutateAsync({ data: formValuesToCreate(values) });
        draft.clear();
        form.resetDirty(values);
        const groupName = group.name;
        notifications.show({ color: 'green', message: t`Created ${groupName}` });
        await navigate(paths.groups.detail.getHref(group.id ?? ''));
      } catch (error) {
        const shown = showSaveError(form, error);
        setFormError({ message: shown.message, error });
        showFailureAt(shown.onFields ? 'field' : 'summary');
      }
    },
    () => {
      setFormError(null);
      showFailureAt('field');
    },
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t`Create group`}>
      <Stack gap="lg" maw={760}>
        {draft.restored && (
          <DraftNotice
            onDiscard={() => {
              draft.clear();
              onDraftDiscarded();
            }}
          />
        )}
        <GroupFormFields form={form} mode="create" />
        <FormErrorAlert ref={summaryRef} formError={formError} />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={paths.groups.list.getHref()}>
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" loading={create.isPending}>
            <Trans>Create group</Trans>
          </Button>
        </Group>
      </Stack>
      <UnsavedChangesGuard hasUnsavedChanges={() => form.isDirty()} />
    </form>
  );
};
