import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { getGetGroupQueryOptions } from '@/api/generated/endpoints/groups/groups';
import { Forbidden } from '@/components/feedback/forbidden';
import { PageBreadcrumbs } from '@/components/layout/page-breadcrumbs';
import { paths } from '@/config/paths';
import { usePageTitle } from '@/lib/page-title';
import { useCanEditGroup } from '@/lib/permissions';
import { editBlockedReason } from './edit-blocked-reason';
import { EditGroupForm } from './edit-group-form';
import { permissionOf } from '@/lib/permission-names';

/**
 * /groups/:groupId/edit. The loader has the group; who may edit it depends on the group itself
 * (directory:group:edit, or being one of its owners), so the check happens here.
 */
export const EditGroupPage = () => {
  const { t } = useLingui();
  const { groupId = '' } = useParams();
  const { data: group } = useQuery(getGetGroupQueryOptions(groupId));
  const canEdit = useCanEditGroup(group);
  const [generation, setGeneration] = useState(0);
  const groupName = group?.name;
  usePageTitle(group ? t`Edit ${groupName}` : undefined);

  if (!group?.id) return null;
  if (!canEdit) {
    return (
      <Forbidden
        permission={permissionOf('updateGroup')}
        action={t({
          message: 'edit this group (or be one of its owners)',
          comment: 'completes "You need the {permission} permission to …" and "You do not have the permission to …"',
        })}
      />
    );
  }
  const blocked = editBlockedReason(group);
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        links={[
          { label: t`Groups`, href: paths.groups.list.getHref() },
          { label: group.name, href: paths.groups.detail.getHref(group.id) },
        ]}
        current={t({ message: 'Edit', comment: 'breadcrumb: the page that edits a group' })}
      />
      <Title order={1} lineClamp={2} title={t`Edit ${groupName}`} style={{ overflowWrap: 'anywhere' }}>
        <Trans>Edit {groupName}</Trans>
      </Title>
      {blocked ? (
        <Alert color="yellow" title={t`This group cannot be edited`}>
          {blocked}
        </Alert>
      ) : (
        <EditGroupForm
          key={generation}
          group={{ ...group, id: group.id, version: group.version ?? 1 }}
          onDraftDiscarded={() => setGeneration((g) => g + 1)}
        />
      )}
    </Stack>
  );
};
