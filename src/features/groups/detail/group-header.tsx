import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { PageBreadcrumbs } from '@/components/layout/page-breadcrumbs';
import { paths } from '@/config/paths';

const VISIBILITY_LABELS: Record<string, string> = { public: 'Public', members: 'Members only', owners: 'Owners only' };

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed" component="dt">
      {label}
    </Text>
    <Text size="sm" component="dd" m={0}>
      {children}
    </Text>
  </div>
);

export const formatDateTime = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '–';

/** Name, description and the group's facts; `actions` sits top right (Edit / Delete). */
export const GroupHeader = ({ group, actions }: { group: GroupModel; actions?: ReactNode }) => (
  <Stack gap="sm">
    <PageBreadcrumbs links={[{ label: 'Groups', href: paths.groups.list.getHref() }]} current={group.name} />
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={4}>
        <Group gap="xs">
          <Title order={1}>{group.name}</Title>
          <Badge variant="light" tt="none">
            {group.type === 'social' ? 'Social' : 'Official'}
          </Badge>
          <Badge variant="light" color="grape" tt="none">
            {VISIBILITY_LABELS[group.visibility] ?? group.visibility}
          </Badge>
          <Badge variant="light" color={group.state === 'active' ? 'green' : 'gray'} tt="none">
            {group.state ?? 'active'}
          </Badge>
        </Group>
        {group.description ? (
          <Text c="dimmed" maw={760}>
            {group.description}
          </Text>
        ) : null}
      </Stack>
      {actions}
    </Group>
    <Group component="dl" gap="xl" m={0} aria-label="Group facts">
      <Fact label="Members">{group.memberCount ?? 0}</Fact>
      <Fact label="Owners">{group.owners?.length ? group.owners.map((o) => o.name ?? o.id).join(', ') : 'None'}</Fact>
      <Fact label="Version">{group.version ?? '–'}</Fact>
      <Fact label="Last modified">{formatDateTime(group.dateModified)}</Fact>
    </Group>
  </Stack>
);
