import { Checkbox, Group, MultiSelect, Select, Stack } from '@mantine/core';
import {
  GROUP_STATES,
  GROUP_TYPES,
  GROUP_VISIBILITIES,
  PAGE_SIZES,
  type GroupListState,
  type PageSize,
  type SortField,
  type SortOrder,
  type ViewChange,
} from '../list-url-state';
import { GROUP_PROPERTIES, STATE_LABELS, TYPE_LABELS, VISIBILITY_LABELS } from '../../core/group-vocabulary';

export { STATE_LABELS, TYPE_LABELS, VISIBILITY_LABELS };

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
  /** One filter a line, full width (the phone's Filters panel). */
  stacked?: boolean;
}

export const GroupListFilters = ({ state, onChange, stacked = false }: GroupListFiltersProps) => {
  const Layout = stacked ? Stack : Group;
  const w = (width: number) => (stacked ? undefined : width);
  return (
    // Group wraps its items by default; Stack puts one a line.
    <Layout align={stacked ? 'stretch' : 'flex-end'} gap="sm">
      {/* As tall as the inputs beside it, so its box sits on their line. */}
      <Group mih={36} align="center">
        <Checkbox
          label="My groups"
          description="Groups I own"
          checked={state.mine}
          onChange={(event) => onChange({ mine: event.currentTarget.checked })}
        />
      </Group>
      <MultiSelect
        label={GROUP_PROPERTIES.type.label}
        placeholder={state.type.length ? undefined : 'Any type'}
        data={options(GROUP_TYPES, TYPE_LABELS)}
        value={state.type}
        onChange={(value) => onChange({ type: pick(GROUP_TYPES, value) })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear type filter' }}
        w={w(200)}
      />
      <MultiSelect
        label={GROUP_PROPERTIES.visibility.label}
        placeholder={state.visibility.length ? undefined : 'Any visibility'}
        data={options(GROUP_VISIBILITIES, VISIBILITY_LABELS)}
        value={state.visibility}
        onChange={(value) => onChange({ visibility: pick(GROUP_VISIBILITIES, value) })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear visibility filter' }}
        w={w(240)}
      />
      <MultiSelect
        label={GROUP_PROPERTIES.state.label}
        placeholder={state.state.length ? undefined : 'Any state'}
        data={options(GROUP_STATES, STATE_LABELS)}
        value={state.state}
        onChange={(value) => onChange({ state: pick(GROUP_STATES, value) })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear state filter' }}
        w={w(200)}
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
        w={w(240)}
      />
      <Select
        label="Page size"
        data={PAGE_SIZES.map((size) => ({ value: String(size), label: `${size} per page` }))}
        value={String(state.pageSize)}
        allowDeselect={false}
        onChange={(value) => value && onChange({ pageSize: Number(value) as PageSize })}
        w={w(150)}
      />
    </Layout>
  );
};
