import { useLingui } from '@lingui/react/macro';
import { Loader, MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { searchGroups } from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import type { GroupSearchCriteria } from '@/api/generated/model/groupSearchCriteria';
import { useMe, usePermissions } from '@/lib/permissions';
import { groupToolKeys } from '../core/group-tool-keys';
import { permissionOf } from '@/lib/permission-names';

const RESULT_COUNT = 25;

export interface PickedGroup {
  id: string;
  name: string;
  type?: string;
}

/**
 * The groups the signed-in user may change the members of, matching `term`: every visible group with
 * `directory:group:edit`, otherwise the groups they own (the server's rule for membership changes).
 */
export const useEditableGroups = (term: string, exclude: readonly string[] = [], anyVisible = false) => {
  const me = useMe();
  const canEditAll = usePermissions().has(permissionOf('addGroupMembers')) || anyVisible;
  const [debounced] = useDebouncedValue(term.trim(), 250);
  const query: GroupSearchCriteria[] = [
    debounced ? { type: 'CONTAINS', fields: ['name'], value: debounced } : { type: 'MATCH_ALL', fields: [], value: '' },
    ...(canEditAll ? [] : [{ type: 'EXACT' as const, fields: ['owners.id'], value: me?.id ?? '' }]),
  ];
  const search = useQuery({
    queryKey: groupToolKeys.editableGroups(canEditAll ? 'all' : (me?.id ?? ''), debounced),
    queryFn: ({ signal }) =>
      searchGroups({ query, pageSize: RESULT_COUNT, pageNumber: 1, sortBy: 'name', sortOrder: 'ASC' }, signal),
    enabled: !!me,
    staleTime: 30_000,
  });
  const groups = useMemo(
    () => (search.data?.results ?? []).filter((g: Group) => g.id && !exclude.includes(g.id)),
    [search.data, exclude],
  );
  return { groups, loading: search.isFetching || term.trim() !== debounced, error: search.error };
};

const toPicked = (g: Group): PickedGroup => ({ id: g.id ?? '', name: g.name ?? g.id ?? '', type: g.type });

interface CommonProps {
  label: string;
  description?: string;
  /** Groups not offered (e.g. the source group, or groups the person is already in). */
  exclude?: readonly string[];
  /** Every group the user can see, not only those they may edit. */
  anyVisible?: boolean;
  disabled?: boolean;
}

/** One group the user may edit, searched by name on the server. */
export const EditableGroupSelect = ({
  label,
  description,
  exclude,
  disabled,
  anyVisible,
  value,
  onChange,
}: CommonProps & { value: PickedGroup | null; onChange: (group: PickedGroup | null) => void }) => {
  const { t } = useLingui();
  const [term, setTerm] = useState('');
  const { groups, loading } = useEditableGroups(term === value?.name ? '' : term, exclude, anyVisible);
  const data = useMemo(() => {
    const options = groups.map(toPicked);
    if (value && !options.some((o) => o.id === value.id)) options.unshift(value);
    return options;
  }, [groups, value]);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t`Search groups by name`}
      searchable
      clearable
      disabled={disabled}
      searchValue={term}
      onSearchChange={setTerm}
      filter={({ options }) => options}
      nothingFoundMessage={
        loading ? t`Searching…` : anyVisible ? t`No group matches` : t`No group you can edit matches`
      }
      rightSection={loading ? <Loader size="xs" aria-hidden /> : undefined}
      data={data.map((g) => ({ value: g.id, label: g.name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(data.find((g) => g.id === id) ?? null)}
      comboboxProps={{ withinPortal: !!anyVisible }}
    />
  );
};

/** Several groups the user may edit, searched by name on the server. */
export const EditableGroupMultiSelect = ({
  label,
  description,
  exclude,
  disabled,
  value,
  onChange,
}: CommonProps & { value: PickedGroup[]; onChange: (groups: PickedGroup[]) => void }) => {
  const { t } = useLingui();
  const [term, setTerm] = useState('');
  const { groups, loading } = useEditableGroups(term, exclude);
  const data = useMemo(() => {
    const byId = new Map(value.map((g) => [g.id, g]));
    for (const g of groups.map(toPicked)) if (!byId.has(g.id)) byId.set(g.id, g);
    return [...byId.values()];
  }, [groups, value]);
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : t`Search groups by name`}
      searchable
      clearable
      disabled={disabled}
      searchValue={term}
      onSearchChange={setTerm}
      filter={({ options }) => options}
      nothingFoundMessage={loading ? t`Searching…` : t`No group you can edit matches`}
      data={data.map((g) => ({ value: g.id, label: g.name }))}
      value={value.map((g) => g.id)}
      onChange={(ids) => onChange(ids.map((id) => data.find((g) => g.id === id)).filter((g) => g !== undefined))}
      comboboxProps={{ withinPortal: false }}
    />
  );
};
