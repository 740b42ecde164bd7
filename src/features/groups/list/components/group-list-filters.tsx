import { useLingui } from '@lingui/react/macro';
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
import {
  propertyLabel,
  STATE_LABELS,
  stateLabel,
  TYPE_LABELS,
  typeLabel,
  VISIBILITY_LABELS,
  visibilityLabel,
} from '../../core/group-vocabulary';

export { STATE_LABELS, TYPE_LABELS, VISIBILITY_LABELS };

const options = <T extends string>(values: readonly T[], labelOf: (value: T) => string) =>
  values.map((value) => ({ value, label: labelOf(value) }));

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
  const { t } = useLingui();
  const w = (width: number) => (stacked ? undefined : width);
  /** Sort field and direction, offered as one choice. */
  const sortOptions: { value: `${SortField}:${SortOrder}`; label: string }[] = [
    { value: 'name:asc', label: t`Name (A–Z)` },
    { value: 'name:desc', label: t`Name (Z–A)` },
    { value: 'memberCount:desc', label: t`Members (most first)` },
    { value: 'memberCount:asc', label: t`Members (fewest first)` },
    { value: 'dateModified:desc', label: t`Last modified (newest first)` },
    { value: 'dateModified:asc', label: t`Last modified (oldest first)` },
  ];
  return (
    // Group wraps its items by default; Stack puts one a line.
    <Layout align={stacked ? 'stretch' : 'flex-end'} gap="sm">
      {/* As tall as the inputs beside it, so its box sits on their line. */}
      <Group mih={36} align="center">
        <Checkbox
          label={t`My groups`}
          description={t`Groups I own`}
          checked={state.mine}
          onChange={(event) => onChange({ mine: event.currentTarget.checked })}
        />
      </Group>
      <MultiSelect
        label={propertyLabel('type')}
        placeholder={state.type.length ? undefined : t`Any type`}
        data={options(GROUP_TYPES, typeLabel)}
        value={state.type}
        onChange={(value) => onChange({ type: pick(GROUP_TYPES, value) })}
        clearable
        clearButtonProps={{ 'aria-label': t`Clear type filter` }}
        w={w(200)}
      />
      <MultiSelect
        label={propertyLabel('visibility')}
        placeholder={state.visibility.length ? undefined : t`Any visibility`}
        data={options(GROUP_VISIBILITIES, visibilityLabel)}
        value={state.visibility}
        onChange={(value) => onChange({ visibility: pick(GROUP_VISIBILITIES, value) })}
        clearable
        clearButtonProps={{ 'aria-label': t`Clear visibility filter` }}
        w={w(240)}
      />
      <MultiSelect
        label={propertyLabel('state')}
        placeholder={state.state.length ? undefined : t`Any state`}
        data={options(GROUP_STATES, stateLabel)}
        value={state.state}
        onChange={(value) => onChange({ state: pick(GROUP_STATES, value) })}
        clearable
        clearButtonProps={{ 'aria-label': t`Clear state filter` }}
        w={w(200)}
      />
      <Select
        label={t`Sort by`}
        data={sortOptions}
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
        label={t`Page size`}
        data={PAGE_SIZES.map((size) => ({ value: String(size), label: t`${size} per page` }))}
        value={String(state.pageSize)}
        allowDeselect={false}
        onChange={(value) => value && onChange({ pageSize: Number(value) as PageSize })}
        w={w(150)}
      />
    </Layout>
  );
};
