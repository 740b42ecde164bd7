import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group as MantineGroup, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '@/api/errors';
import { getGetGroupQueryOptions } from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import { paths } from '@/config/paths';
import { confirmAction } from '@/components/feedback/confirm';
import { useDraft } from '@/lib/drafts';
import { useCan, useMe, usePermittedPermissions } from '@/lib/permissions';
import { useSubmitFailureFocus } from '@/lib/use-submit-failure-focus';
import { ConflictDialog } from './conflict-dialog';
import { DraftNotice } from './draft-notice';
import { FormErrorAlert, type FormError } from './form-error-alert';
import { reapplyChanges } from './group-diff';
import { GroupFormFields } from './group-form-fields';
import { roleLossSentence, useRolesLostByLeaving } from '../core/group-grants';
import { useUpdateGroupMutation } from '../core/group-mutations';
import { ownerChangeWarning } from '../core/owner-change';
import { formValuesToUpdate, groupToFormValues, type GroupFormValues } from './group-schema';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { showSaveError, useGroupForm } from './use-group-form';
import { SEE_ALL_GROUPS_PERMISSION } from '@/lib/permission-names';

/** The draft of an edit belongs to the group and the version the edit started from. */
export const editDraftKey = (groupId: string, version: number) => `route:/groups/${groupId}/edit:v${version}`;

interface Base {
  values: GroupFormValues;
  version: number;
}

interface Conflict {
  current: Group;
  mine: GroupFormValues;
}

export interface EditGroupFormProps {
  group: Group & { id: string; version: number };
  /** Called after the draft was discarded, to start again from the saved group. */
  onDraftDiscarded: () => void;
}

/** The edit form: PUT with the version it loaded; a 409 opens the conflict dialog. */
export const EditGroupForm = ({ group, onDraftDiscarded }: EditGroupFormProps) => {
  const { t } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const permitted = usePermittedPermissions();
  const seesEveryGroup = useCan(SEE_ALL_GROUPS_PERMISSION);
  const [base, setBase] = useState<Base>(() => ({ values: groupToFormValues(group), version: group.version }));
  const form = useGroupForm(base.values);
  const draft = useDraft(editDraftKey(group.id, base.version), form);
  const update = useUpdateGroupMutation(group.id);
  const [formError, setFormError] = useState<FormError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showDraftNotice, setShowDraftNotice] = useState(draft.restored);
  const { formRef, summaryRef, show: showFailureAt } = useSubmitFailureFocus();
  // The roles the group grants while they are on: turning them off takes them from every member.
  const grantedRoles = useRolesLostByLeaving(group);

  const showFailure = (error: unknown) => {
    const shown = showSaveError(form, error);
    setFormError({ message: shown.message, error });
    showFailureAt(shown.onFields ? 'field' : 'summary');
  };

  const startFrom = (current: Group, values: GroupFormValues) => {
    draft.clear();
    const currentValues = groupToFormValues(current);
    setBase({ values: currentValues, version: current.version ?? base.version });
    form.setInitialValues(currentValues);
    form.setValues(values);
    form.resetDirty(currentValues);
    setShowDraftNotice(false);
  };

  const save = async (values: GroupFormValues, version: number) => {
    setFormError(null);
    try {
      const saved = await update.mutateAsync({ groupId: group.id, data: formValuesToUpdate(values, version) });
      draft.clear();
      form.resetDirty(values);
      setConflict(null);
      const groupName = saved.name;
      notifications.show({ color: 'green', message: t`Saved ${groupName}` });
      // One who gave up owning a group that is not public may no longer see it: back to the list.
      const leftOwners =
        !!me?.id && base.values.owners.some((o) => o.id === me.id) && !values.owners.some((o) => o.id === me.id);
      const mayBeHidden = leftOwners && values.visibility !== 'public' && !seesEveryGroup;
      await navigate(mayBeHidden ? paths.groups.list.getHref() : paths.groups.detail.getHref(group.id));
    } catch (error) {
      if (isApiError(error) && error.isVersionConflict) {
        try {
          const current = await queryClient.fetchQuery({ ...getGetGroupQueryOptions(group.id), staleTime: 0 });
          setConflict({ current, mine: values });
        } catch (reloadError) {
          setConflict(null);
          showFailure(reloadError);
        }
        return;
      }
      setConflict(null);
      showFailure(error);
    }
  };

  /** A change of owners that leaves the group without one, or takes away the user's own access, is confirmed first. */
  const confirmOwners = (before: GroupFormValues, after: GroupFormValues): Promise<boolean> => {
    const warning = ownerChangeWarning({
      groupName: group.name,
      before: before.owners.map((o) => o.id),
      after: after.owners.map((o) => o.id),
      me,
      permitted,
    });
    if (!warning) return Promise.resolve(true);
    return confirmAction({
      title: warning.title,
      message: warning.message,
      confirmLabel: warning.losesAccess ? t`Remove me and save` : t`Save without owners`,
      danger: warning.losesAccess,
    });
  };

  /** Turning roles off when the group grants some says who loses what, and is confirmed first. */
  const confirmRolesOff = (before: GroupFormValues, after: GroupFormValues): Promise<boolean> => {
    const loss =
      before.rolesEnabled && !after.rolesEnabled ? roleLossSentence(group.memberCount ?? 0, grantedRoles) : null;
    if (!loss) return Promise.resolve(true);
    const groupName = group.name;
    return confirmAction({
      title: t`Turn roles off for ${groupName}?`,
      message: t({
        message: `${loss} The grants stay on the group and apply again when roles are turned back on.`,
        comment: '{loss} is a sentence saying who loses which roles',
      }),
      confirmLabel: t`Turn roles off and save`,
      danger: true,
    });
  };

  const confirmed = async (before: GroupFormValues, after: GroupFormValues) =>
    (await confirmOwners(before, after)) && (await confirmRolesOff(before, after));

  const submit = form.onSubmit(
    async (values) => {
      if (await confirmed(base.values, values)) await save(values, base.version);
    },
    () => {
      setFormError(null);
      showFailureAt('field');
    },
  );

  const reload = () => {
    if (!conflict) return;
    const values = groupToFormValues(conflict.current);
    startFrom(conflict.current, values);
    setConflict(null);
  };

  const reapply = async () => {
    if (!conflict) return;
    const current = groupToFormValues(conflict.current);
    const merged = reapplyChanges(base.values, current, conflict.mine);
    if (!(await confirmed(current, merged))) return;
    startFrom(conflict.current, merged);
    setConflict(null);
    await save(merged, conflict.current.version ?? base.version);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t`Edit group`}>
      <Stack gap="lg" maw={760}>
        {showDraftNotice && (
          <DraftNotice
            onDiscard={() => {
              draft.clear();
              onDraftDiscarded();
            }}
          />
        )}
        <GroupFormFields form={form} mode="edit" />
        <FormErrorAlert ref={summaryRef} formError={formError} />
        <MantineGroup justify="flex-end">
          <Button variant="default" component={Link} to={paths.groups.detail.getHref(group.id)}>
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" loading={update.isPending}>
            <Trans>Save changes</Trans>
          </Button>
        </MantineGroup>
      </Stack>
      {conflict && (
        <ConflictDialog
          opened
          loaded={base.values}
          current={groupToFormValues(conflict.current)}
          currentVersion={conflict.current.version ?? 0}
          mine={conflict.mine}
          onReload={reload}
          onReapply={() => void reapply()}
          onClose={() => setConflict(null)}
        />
      )}
      <UnsavedChangesGuard hasUnsavedChanges={() => form.isDirty()} />
    </form>
  );
};
