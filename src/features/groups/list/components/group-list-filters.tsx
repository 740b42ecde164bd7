import { Group, MultiSelect, Select } from '@mantine/core';
import {
  GROUP_STATES,
  GROUP_TYPES,
  GROUP_VISIBILITIES,
  PAGE_SIZES,
  type GroupListState,
  type GroupStateFilter,
  type GroupTypeFilter,
  type GroupVisibilityFilter,
  type PageSize,
  type SortField,
  type SortOrder,
  type ViewChange,
} from '../list-url-state';

export const TYPE_LABELS: Record<GroupTypeFilter, string> = { official: 'Official', social: 'Social' };
export const VISIBILITY_LABELS: Record<GroupVisibilityFilter, string> = {
  public: 'Public',
  members: 'Members only',
  owners: 'Owners only',
};
export const STATE_LABELS: Record<GroupStateFilter, string> = { active: 'Active', inactive: 'Inactive' };

/** Sort field and direction, offered as one choice. */
const SORT_OPTIONS: { value: `${SortField}:${SortOrder}`; label: string }[] = [
  { value: 'name:asc', label: 'Name (A–Z)' },
  { value: 'name:desc', label: 'Name (Z–A)' },
  { value: 'memberCount:desc', label: 'Members (most first)' },
  { value: 'memberCount:asc', label: 'Members (fewest first)' },
  { value: 'dateModified:desc', label: 'Last modified (newest first)' },
  { value: 'dateModified:asc', label: 'Last modified (oldest first)' },
];

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** Keeps only allowed values from a multi-select, in canonical order. */
const pick = <T extends string>(allowed: readonly T[], chosen: string[]): T[] =>
  allowed.filter((v) => chosen.includes(v));

export interface GroupListFiltersProps {
  state: GroupListState;
  onChange: (change: ViewChange) => void;
}

export const GroupListFilters = ({ state, onChange }: GroupListFiltersProps) => (
  <Group align="flex-end" gap="sm" wrap="wrap">
    <MultiSelect
      label="Type"
      placeholder={state.type.length ? undefined : 'Any type'}
      data={options(GROUP_TYPES, TYPE_LABELS)}
      value={state.type}
      onChange={(value) => onChange({ type: pick(GROUP_TYPES, value) })}
      clearable
      clearButtonProps={{ 'aria-label': 'Clear type filter' }}
      w={200}
    />
    <MultiSelect
      label="Visibility"
      placeholder={state.visibility.length ? undefined : 'Any visibility'}
      data={options(GROUP_VISIBILITIES, VISIBILITY_LABELS)}
      value={state.visibility}
      onChange={(value) => onChange({ visibility: pick(GROUP_VISIBILITIES, value) })}
      clearable
      clearButtonProps={{ 'aria-label': 'Clear visibility filter' }}
      w={240}
    />
    <MultiSelect
      label="State"
      placeholder={state.state.length ? undefined : 'Any state'}
      data={options(GROUP_STATES, STATE_LABELS)}
      value={state.state}
      onChange={(value) => onChange({ state: pick(GROUP_STATES, value) })}
      clearable
      clearButtonProps={{ 'aria-label': 'Clear state filter' }}
      w={200}
    />
    <Select
      label="Sort by"
      data={SORT_OPTIONS}
      value={`${state.sort}:${state.order}`}
      allowDeselect={false}
      onChange={(value) => {
        if (!value) return;
        const [sort, order] = value.split(':') as [SortField, SortOrder];
        onChange({ sort, order });
      }}
      w={240}
    />
    <Select
      label="Page size"
      data={PAGE_SIZES.map((size) => ({ value: String(size), label: `${size} per page` }))}
      value={String(state.pageSize)}
      allowDeselect={false}
      onChange={(value) => value && onChange({ pageSize: Number(value) as PageSize })}
      w={150}
    />
  </Group>
);
