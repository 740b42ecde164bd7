import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Badge, Button, Group as MantineGroup, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconShieldPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Group } from '@/api/generated/model/group';
import { EmptyState } from '@/components/feedback/empty-state';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { confirmAction } from '@/components/feedback/confirm';
import { useCan } from '@/lib/permissions';
import { divisionsInWords, permissionsInWords, useGroupGrants, type GrantedRole } from '../core/group-grants';
import { useRemoveGrantsMutation } from '../core/group-mutations';
import { propertyLabel, storedTime } from '../core/group-vocabulary';
import { AssignRolesDialog } from './assign-roles-dialog';
import { permissionOf } from '@/lib/permission-names';
import { formatLongDate } from '@/lib/locale';

const grantedOn = (iso: string | undefined): string | null => {
  const date = storedTime(iso);
  return date ? formatLongDate(date) : null;
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const RoleCard = ({
  role,
  canRemove,
  onRemove,
  removing,
}: {
  role: GrantedRole;
  canRemove: boolean;
  onRemove: (role: GrantedRole) => void;
  removing: boolean;
}) => {
  const { t } = useLingui();
  const date = grantedOn(role.grantedAt);
  const roleName = role.roleName;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-role={role.roleId} aria-label={role.roleName}>
      <MantineGroup justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h5">
            {role.roleName}
          </Title>
          {role.description ? (
            <Text size="sm" c="dimmed">
              {role.description}
            </Text>
          ) : null}
          <MantineGroup gap="xs" wrap="wrap">
            <Text size="sm">
              <Text span inherit fw={500}>
                <Trans comment="label before the divisions a role is granted in">Divisions:</Trans>
              </Text>{' '}
              {capitalised(divisionsInWords(role.divisions))}
            </Text>
            {role.permissionCount === undefined ? null : (
              <Badge variant="light" color="gray" tt="none">
                {permissionsInWords(role.permissionCount)}
              </Badge>
            )}
          </MantineGroup>
          {date ? (
            <Text size="xs" c="dimmed">
              <Trans comment="when the role was granted to the group">Granted {date}</Trans>
            </Text>
          ) : null}
        </Stack>
        {canRemove ? (
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            leftSection={<IconTrash size={14} aria-hidden />}
            aria-label={t`Remove ${roleName}`}
            loading={removing}
            onClick={() => onRemove(role)}
          >
            <Trans comment="button: stop granting this role">Remove</Trans>
          </Button>
        ) : null}
      </MantineGroup>
    </Paper>
  );
};

/** The roles the group grants its members, with assigning and removing where the user may. */
export const RolesTab = ({ group }: { group: Group & { id: string } }) => {
  const { t } = useLingui();
  // Assigning searches the roles, which takes authorization:role:view besides the grant permission.
  const canGrant = useCan(permissionOf('postAuthorizationSubjectBulkadd'));
  const canSearchRoles = useCan(permissionOf('getAuthorizationRoles'));
  const canAdd = canGrant && canSearchRoles;
  const canDelete = useCan(permissionOf('postAuthorizationSubjectBulkremove'));
  const { query, roles } = useGroupGrants(group);
  const remove = useRemoveGrantsMutation(group.id);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [assigning, setAssigning] = useState(false);
  const rolesOn = group.rolesEnabled === true;
  const members = group.memberCount ?? 0;
  const setting = propertyLabel('rolesEnabled');

  const removeRole = async (role: GrantedRole) => {
    const roleName = role.roleName;
    const groupName = group.name;
    const divisions = divisionsInWords(role.divisions);
    const ok = await confirmAction({
      title: t`Remove ${roleName} from ${groupName}?`,
      message: rolesOn
        ? plural(members, {
            one: `The group no longer grants ${roleName} in ${divisions}. Its # member lose it unless they hold it another way.`,
            other: `The group no longer grants ${roleName} in ${divisions}. Its # members lose it unless they hold it another way.`,
          })
        : t`The group no longer grants ${roleName} in ${divisions}.`,
      confirmLabel: t`Remove role`,
      danger: true,
    });
    if (!ok) return;
    setRemovingId(role.roleId);
    try {
      await remove.mutateAsync({
        subjectId: group.id,
        data: { grants: role.divisions.map((d) => ({ roleId: role.roleId, divisionId: d.id })) },
      });
    } catch {
      // The failure is notified (the mutation's errorTitle).
    } finally {
      setRemovingId(null);
    }
  };

  const assignButton =
    canAdd && rolesOn ? (
      <Button leftSection={<IconShieldPlus size={16} aria-hidden />} onClick={() => setAssigning(true)}>
        <Trans>Assign roles</Trans>
      </Button>
    ) : null;

  let body;
  if (query.isPending) body = <Skeleton height={120} role="status" aria-label={t`Loading roles`} />;
  else if (query.isError) {
    body = (
      <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} title={t`Could not load the roles`} />
    );
  } else if (!roles.length) {
    body = (
      <EmptyState
        title={t`This group grants no roles`}
        description={rolesOn ? t`Roles assigned here apply to every member of the group.` : undefined}
      />
    );
  } else {
    body = (
      <Stack component="ul" gap="sm" aria-label={t`Granted roles`} p={0} m={0} style={{ listStyle: 'none' }}>
        {roles.map((role) => (
          <RoleCard
            key={role.roleId}
            role={role}
            canRemove={canDelete}
            removing={removingId === role.roleId}
            onRemove={(r) => void removeRole(r)}
          />
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <MantineGroup justify="space-between" align="center" wrap="wrap">
        <Text size="sm" c="dimmed">
          {rolesOn
            ? t`Members of this group hold the roles it grants, in the divisions listed.`
            : t`Roles listed here are not given to members.`}
        </Text>
        {assignButton}
      </MantineGroup>
      {rolesOn ? null : (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />} title={t`Roles are off`}>
          <Trans comment="setting: the name of the group setting (Roles enabled); No: its value">
            {setting} is No for this group: its members get no roles through it, and roles cannot be assigned to it
            until it is turned on in the group&apos;s settings.
          </Trans>
        </Alert>
      )}
      {body}
      {canAdd && rolesOn ? (
        <AssignRolesDialog group={group} opened={assigning} onClose={() => setAssigning(false)} />
      ) : null}
    </Stack>
  );
};
