import { t } from '@lingui/core/macro';
import { Anchor, Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Group } from '@/api/generated/model/group';
import { paths } from '@/config/paths';
import { formatCount } from '@/lib/plural';
import {
  NO_VALUE,
  propertyLabel,
  stateLabel,
  timeInWords,
  typeLabel,
  visibilityLabel,
} from '../../core/group-vocabulary';

export interface GroupColumn {
  key: string;
  /** The column's header, in the page's language. */
  label: () => string;
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
  if (rest <= 0) return names.join(', ');
  const firstNames = names.slice(0, shown).join(', ');
  return t({
    message: `${firstNames} +${rest} more`,
    comment: 'owners of a group: the first names, and how many more',
  });
};

/** A value in the vocabulary's words, NO_VALUE when there is none. */
const label = (toWords: (value: string | undefined) => string, value: string | undefined): string =>
  toWords(value) || NO_VALUE;

export const GROUP_COLUMNS: GroupColumn[] = [
  {
    key: 'name',
    label: () => propertyLabel('name'),
    skeletonWidth: '70%',
    render: (group) => (
      <Anchor component={Link} to={paths.groups.detail.getHref(group.id ?? '')} fw={500}>
        {group.name}
      </Anchor>
    ),
  },
  {
    key: 'type',
    label: () => propertyLabel('type'),
    skeletonWidth: '60%',
    render: (group) => (
      <Badge variant="light" color={group.type === 'social' ? 'grape' : 'blue'} tt="none">
        {label(typeLabel, group.type)}
      </Badge>
    ),
  },
  {
    key: 'visibility',
    label: () => propertyLabel('visibility'),
    skeletonWidth: '70%',
    render: (group) => label(visibilityLabel, group.visibility),
  },
  {
    key: 'memberCount',
    label: () => propertyLabel('memberCount'),
    align: 'right',
    skeletonWidth: '40%',
    render: (group) => formatCount(group.memberCount ?? 0),
  },
  {
    key: 'state',
    label: () => propertyLabel('state'),
    skeletonWidth: '60%',
    render: (group) => (
      <Badge variant="dot" color={group.state === 'active' ? 'green' : 'gray'} tt="none">
        {label(stateLabel, group.state)}
      </Badge>
    ),
  },
  {
    key: 'owners',
    label: () => propertyLabel('owners'),
    skeletonWidth: '80%',
    render: (group) => (
      <Text size="sm" lineClamp={1} title={(group.owners ?? []).map((o) => o.name).join(', ') || undefined}>
        {formatOwners(group)}
      </Text>
    ),
  },
  {
    key: 'dateModified',
    label: () => t({ message: 'Last modified', comment: 'column header: when the group was last changed' }),
    skeletonWidth: '80%',
    render: (group) => timeInWords(group.dateModified),
  },
];
