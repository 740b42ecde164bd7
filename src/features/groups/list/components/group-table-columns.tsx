import { Anchor, Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Group } from '@/api/generated/model/group';
import { paths } from '@/config/paths';
import { formatCount } from '@/lib/plural';
import {
  GROUP_PROPERTIES,
  NO_VALUE,
  stateLabel,
  timeInWords,
  typeLabel,
  visibilityLabel,
} from '../../core/group-vocabulary';

export interface GroupColumn {
  key: string;
  label: string;
  render: (group: Group) => ReactNode;
  align?: 'left' | 'right';
  /** Width of the skeleton bar shown while loading. */
  skeletonWidth: string;
}

/** Owner names, the first few in full and the rest counted. */
export const formatOwners = (group: Pick<Group, 'owners'>, shown = 2): string => {
  const names = (group.owners ?? []).map((owner) => owner.name ?? owner.id).filter(Boolean);
  if (names.length === 0) return NO_VALUE;
  const rest = names.length - shown;
  return rest > 0 ? `${names.slice(0, shown).join(', ')} +${rest} more` : names.join(', ');
};

/** A value in the vocabulary's words, NO_VALUE when there is none. */
const label = (toWords: (value: string | undefined) => string, value: string | undefined): string =>
  toWords(value) || NO_VALUE;

export const GROUP_COLUMNS: GroupColumn[] = [
  {
    key: 'name',
    label: GROUP_PROPERTIES.name.label,
    skeletonWidth: '70%',
    render: (group) => (
      <Anchor component={Link} to={paths.groups.detail.getHref(group.id ?? '')} fw={500}>
        {group.name}
      </Anchor>
    ),
  },
  {
    key: 'type',
    label: GROUP_PROPERTIES.type.label,
    skeletonWidth: '60%',
    render: (group) => (
      <Badge variant="light" color={group.type === 'social' ? 'grape' : 'blue'} tt="none">
        {label(typeLabel, group.type)}
      </Badge>
    ),
  },
  {
    key: 'visibility',
    label: GROUP_PROPERTIES.visibility.label,
    skeletonWidth: '70%',
    render: (group) => label(visibilityLabel, group.visibility),
  },
  {
    key: 'memberCount',
    label: GROUP_PROPERTIES.memberCount.label,
    align: 'right',
    skeletonWidth: '40%',
    render: (group) => formatCount(group.memberCount ?? 0),
  },
  {
    key: 'state',
    label: GROUP_PROPERTIES.state.label,
    skeletonWidth: '60%',
    render: (group) => (
      <Badge variant="dot" color={group.state === 'active' ? 'green' : 'gray'} tt="none">
        {label(stateLabel, group.state)}
      </Badge>
    ),
  },
  {
    key: 'owners',
    label: GROUP_PROPERTIES.owners.label,
    skeletonWidth: '80%',
    render: (group) => (
      <Text size="sm" lineClamp={1} title={(group.owners ?? []).map((o) => o.name).join(', ') || undefined}>
        {formatOwners(group)}
      </Text>
    ),
  },
  {
    key: 'dateModified',
    label: 'Last modified',
    skeletonWidth: '80%',
    render: (group) => timeInWords(group.dateModified),
  },
];
