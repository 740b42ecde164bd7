import { useLingui } from '@lingui/react/macro';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { PageBreadcrumbs } from '@/components/layout/page-breadcrumbs';
import { ReferenceNames } from '@/components/reference/reference-names';
import { paths } from '@/config/paths';
import { useIsPhone } from '@/lib/use-is-phone';
import { NO_VALUE, propertyLabel, stateLabel, timeInWords, typeLabel, visibilityLabel } from '../core/group-vocabulary';
import { formatCount } from '@/lib/plural';

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

/**
 * Name, description and the group's facts; `actions` sits top right (Edit / Delete). On a phone it is
 * compact, so the members start near the top: a smaller title, the description on two lines, and the
 * facts that matter there (members, last modified) in one line.
 */
export const GroupHeader = ({ group, actions }: { group: GroupModel; actions?: ReactNode }) => {
  const { t } = useLingui();
  const isPhone = useIsPhone();
  return (
    <Stack gap={isPhone ? 'xs' : 'sm'}>
      {isPhone ? null : (
        <PageBreadcrumbs links={[{ label: t`Groups`, href: paths.groups.list.getHref() }]} current={group.name} />
      )}
      <Group justify="space-between" align="flex-start" wrap={isPhone ? 'wrap' : 'nowrap'} gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            {/* A long name: two lines and an ellipsis, whole on hover and for screen readers. */}
            <Title
              order={1}
              size={isPhone ? 'h3' : undefined}
              lineClamp={2}
              title={group.name}
              style={{ overflowWrap: 'anywhere' }}
            >
              {group.name}
            </Title>
            <Badge variant="light" tt="none">
              {typeLabel(group.type === 'social' ? 'social' : 'official')}
            </Badge>
            <Badge variant="light" color="grape" tt="none">
              {visibilityLabel(group.visibility)}
            </Badge>
            <Badge variant="light" color={group.state === 'active' ? 'green' : 'gray'} tt="none">
              {stateLabel(group.state ?? 'active')}
            </Badge>
          </Group>
          {group.description ? (
            <Text c="dimmed" maw={760} size={isPhone ? 'sm' : undefined} lineClamp={isPhone ? 2 : undefined}>
              {group.description}
            </Text>
          ) : null}
        </Stack>
        {actions}
      </Group>
      <Group component="dl" gap={isPhone ? 'md' : 'xl'} m={0} aria-label={t`Group facts`}>
        <Fact label={propertyLabel('memberCount')}>{formatCount(group.memberCount ?? 0)}</Fact>
        {isPhone ? null : (
          <>
            <Fact label={propertyLabel('owners')}>
              <ReferenceNames
                kind="user"
                references={group.owners}
                empty={t({ message: 'None', comment: 'a group without owners' })}
              />
            </Fact>
            <Fact label={t({ message: 'Version', comment: "the group's version number" })}>
              {group.version ?? NO_VALUE}
            </Fact>
          </>
        )}
        <Fact label={t`Last modified`}>{timeInWords(group.dateModified)}</Fact>
      </Group>
    </Stack>
  );
};
