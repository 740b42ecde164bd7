import { Trans, useLingui } from '@lingui/react/macro';
import { Anchor, Badge, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Drawer } from '@/components/dialogs/dialogs';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useGetAuthorizationSubject } from '@/api/generated/endpoints/authorization/authorization';
import { useGetUser } from '@/api/generated/endpoints/users/users';
import { useResolved } from '@/api/resolve-names';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { ReferenceName } from '@/components/reference/reference-names';
import { paths } from '@/config/paths';
import { PersonMembershipHistory } from '../history/person-membership-history';
import { formatList } from '@/lib/locale';
import { grantedRoles, roleInWords } from '../core/group-grants';
import { stateLabel, typeLabel } from '../core/group-vocabulary';
import { useCan } from '@/lib/permissions';
import { permissionOf } from '@/lib/permission-names';

const PersonGroupsPanel = lazy(() => import('../across/person-groups-panel'));

/** "Grants Group Editor in all divisions": the roles a person holds through one group. */
const GroupRoles = ({ roles }: { roles: string[] }) => {
  if (!roles.length) return null;
  const roleList = formatList(roles);
  return (
    <Text size="xs" data-testid="roles-through-group">
      <Trans comment="{roleList} names roles and their divisions, e.g. Group Editor in all divisions">
        Grants {roleList}
      </Trans>
    </Text>
  );
};

/** A user's details and the groups they belong to (GET /users/{id}?expand=groups). */
export const UserGroupsDrawer = ({ userId, onClose }: { userId: string | null; onClose: () => void }) => {
  const { t } = useLingui();
  const user = useGetUser(userId ?? '', { expand: ['groups'] }, { query: { enabled: !!userId, staleTime: 0 } });
  const data = user.data;
  // The groups may come as lean references (id + selfUri): their names and types are resolved in batches.
  const groups = useResolved('group', data?.groups);
  // The roles the person holds through each group: their grants, inherited ones naming the group.
  const canViewGrants = useCan(permissionOf('getAuthorizationSubject'));
  const subject = useGetAuthorizationSubject(userId ?? '', undefined, {
    query: { enabled: !!userId && canViewGrants, staleTime: 0, retry: false },
  });
  const rolesThrough = (groupId: string | undefined) =>
    groupId && subject.data ? grantedRoles(subject.data.grants ?? [], groupId) : [];
  const personName = data?.name;
  const groupCount = data?.groups?.length ?? 0;
  return (
    <Drawer
      opened={!!userId}
      onClose={onClose}
      position="right"
      size="md"
      title={data?.name ?? t({ message: 'Person', comment: 'title of the drawer of a person without a name' })}
      closeButtonProps={{ 'aria-label': t`Close` }}
      // The person's details come first; the fields to change their groups are further down.
      initialFocus="content"
    >
      {user.isPending ? <Skeleton height={200} role="status" aria-label={t`Loading person`} /> : null}
      {user.isError ? <QueryErrorAlert error={user.error} onRetry={() => void user.refetch()} /> : null}
      {data ? (
        <Stack gap="md">
          <Stack gap={2}>
            <Text size="sm">{data.title}</Text>
            <Text size="sm" c="dimmed">
              {[data.department, data.division?.name].filter(Boolean).join(' · ')}
            </Text>
            {data.email ? (
              <Anchor href={`mailto:${data.email}`} size="sm">
                {data.email}
              </Anchor>
            ) : null}
            <Group gap="xs">
              <Badge variant="light" color={data.state === 'active' ? 'green' : 'gray'} tt="none">
                {stateLabel(data.state ?? 'active')}
              </Badge>
            </Group>
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h4">
              <Trans comment="the groups a person is in, with their number">Groups ({groupCount})</Trans>
            </Title>
            {groups.length ? (
              <List
                size="sm"
                spacing={4}
                aria-label={personName != null ? t`Groups of ${personName}` : t`Groups of this person`}
              >
                {groups.map((resolved) => (
                  <List.Item key={resolved.entity.id}>
                    <Anchor
                      component={Link}
                      to={paths.groups.detail.getHref(resolved.entity.id ?? '')}
                      onClick={onClose}
                    >
                      <ReferenceName resolved={resolved} kind="group" />
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {typeLabel(resolved.entity.type)}
                    </Text>
                    <GroupRoles roles={rolesThrough(resolved.entity.id).map(roleInWords)} />
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                <Trans>Not in any group you can see.</Trans>
              </Text>
            )}
          </Stack>
          <Suspense fallback={null}>
            <PersonGroupsPanel key={data.id} user={data} onChanged={() => void user.refetch()} />
          </Suspense>
          <PersonMembershipHistory userId={data.id ?? userId ?? ''} onNavigate={onClose} />
        </Stack>
      ) : null}
    </Drawer>
  );
};
