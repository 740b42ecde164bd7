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
  const { groupId = '' } = useParams();
  const { data: group } = useQuery(getGetGroupQueryOptions(groupId));
  const canEdit = useCanEditGroup(group);
  const [generation, setGeneration] = useState(0);
  usePageTitle(group ? `Edit ${group.name}` : undefined);

  if (!group?.id) return null;
  if (!canEdit) {
    return <Forbidden permission={permissionOf('updateGroup')} action="edit this group (or be one of its owners)" />;
  }
  const blocked = editBlockedReason(group);
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        links={[
          { label: 'Groups', href: paths.groups.list.getHref() },
          { label: group.name, href: paths.groups.detail.getHref(group.id) },
        ]}
        current="Edit"
      />
      <Title order={1} lineClamp={2} title={`Edit ${group.name}`} style={{ overflowWrap: 'anywhere' }}>
        Edit {group.name}
      </Title>
      {blocked ? (
        <Alert color="yellow" title="This group cannot be edited">
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
