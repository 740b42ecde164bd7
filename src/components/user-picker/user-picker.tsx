import { Trans, useLingui } from '@lingui/react/macro';
import { Combobox, Group, Loader, Pill, PillsInput, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchUsers } from '@/api/generated/endpoints/users/users';
import type { User } from '@/api/generated/model/user';
import { buildUserTypeaheadRequest, searchWords } from './user-search';

export interface UserPickerProps {
  /** The chosen users (controlled). */
  value: User[];
  onChange: (users: User[]) => void;
  label: ReactNode;
  description?: ReactNode;
  /** Users that never appear as options (e.g. the people already chosen elsewhere). */
  excludeIds?: readonly string[];
  /** Users shown as "already a member" and not selectable. */
  memberIds?: readonly string[];
  /** A group id: people whose groups (the search asks for `expand=groups`) include it count as members too. */
  memberOf?: string;
  placeholder?: string;
  error?: ReactNode;
  disabled?: boolean;
  /** Milliseconds between the last key press and the search (default 250). */
  debounceMs?: number;
  /**
   * Render the list of matches in a portal at the end of the page (default true). Pass false inside
   * a modal dialog: the list must stay inside the dialog to be part of it for assistive technology.
   */
  withinPortal?: boolean;
}

const userLine = (user: User) => [user.email, user.title].filter(Boolean).join(' · ');

/**
 * Multi-select user picker with a type-ahead search over name, email and title (POST /users/search).
 * ```tsx
 * <UserPicker label="Owners" value={owners} onChange={setOwners} excludeIds={[me.id]} />
 * <UserPicker label="People to add" value={picked} onChange={setPicked} memberIds={memberIds} withinPortal={false} />
 * ```
 */
export const UserPicker = ({
  value,
  onChange,
  label,
  description,
  excludeIds,
  memberIds,
  memberOf,
  placeholder,
  error,
  disabled,
  debounceMs = 250,
  withinPortal = true,
}: UserPickerProps) => {
  const { t } = useLingui();
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
    onDropdownOpen: () => combobox.updateSelectedOptionIndex('active'),
  });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), debounceMs);
  const hasWords = searchWords(debounced).length > 0;
  const request = useMemo(
    () => buildUserTypeaheadRequest(debounced, 20, memberOf ? ['groups'] : undefined),
    [debounced, memberOf],
  );
  const results = useSearchUsers(request, {
    query: { enabled: hasWords && !disabled, placeholderData: keepPreviousData, staleTime: 60_000 },
  });

  const chosenIds = useMemo(() => new Set(value.map((user) => user.id)), [value]);
  const excluded = useMemo(() => new Set(excludeIds ?? []), [excludeIds]);
  const members = useMemo(() => new Set(memberIds ?? []), [memberIds]);
  const options = (hasWords ? (results.data?.results ?? []) : []).filter((user) => user.id && !excluded.has(user.id));

  const add = (userId: string) => {
    if (chosenIds.has(userId)) {
      onChange(value.filter((user) => user.id !== userId));
      return;
    }
    const user = options.find((option) => option.id === userId);
    if (user && !members.has(userId) && !user.groups?.some((g) => memberOf && g.id === memberOf))
      onChange([...value, user]);
    setSearch('');
    // The list closes once someone is chosen (it would cover what follows); typing opens it again.
    combobox.closeDropdown();
  };
  // The list opens once a word is typed (the placeholder says what to type until then).
  const openIfTyped = () => {
    if (searchWords(search).length) combobox.openDropdown();
  };
  const remove = (userId: string | undefined) => onChange(value.filter((user) => user.id !== userId));

  const pills = value.map((user) => {
    const name = user.name ?? user.id;
    return (
      <Pill
        key={user.id}
        withRemoveButton={!disabled}
        onRemove={() => remove(user.id)}
        removeButtonProps={{ 'aria-label': t`Remove ${name}`, 'aria-hidden': false, tabIndex: 0 }}
      >
        {name}
      </Pill>
    );
  });

  const optionNodes = options.map((user) => {
    const id = user.id as string;
    const isMember = members.has(id) || (!!memberOf && !!user.groups?.some((g) => g.id === memberOf));
    const chosen = chosenIds.has(id);
    return (
      <Combobox.Option value={id} key={id} disabled={isMember} active={chosen} aria-selected={chosen}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={0}>
            <Text size="sm">{user.name ?? id}</Text>
            <Text size="xs" c="dimmed">
              {userLine(user)}
            </Text>
          </Stack>
          {isMember ? (
            <Text size="xs" c="dimmed" fs="italic">
              <Trans comment="beside a person in the search's matches">already a member</Trans>
            </Text>
          ) : chosen ? (
            <Text size="xs" c="blue">
              <Trans comment="beside a person in the search's matches: picked already">chosen</Trans>
            </Text>
          ) : null}
        </Group>
      </Combobox.Option>
    );
  });

  let status: ReactNode = null;
  if (results.isError) status = t`Search failed. Keep typing to try again.`;
  else if (results.isPending) status = t`Searching…`;
  else if (optionNodes.length === 0) {
    const searched = debounced;
    status = t`No people match “${searched}”.`;
  }

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={add}
      disabled={disabled}
      withinPortal={withinPortal}
      floatingStrategy={withinPortal ? 'absolute' : 'fixed'}
    >
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={error}
          disabled={disabled}
          onClick={openIfTyped}
          rightSection={results.isFetching ? <Loader size="xs" aria-label={t`Searching`} /> : null}
        >
          <Pill.Group>
            {pills}
            <Combobox.EventsTarget>
              <PillsInput.Field
                value={search}
                placeholder={value.length ? undefined : (placeholder ?? t`Search by name, email or title`)}
                onFocus={openIfTyped}
                onBlur={(event) => {
                  // Tab moves into the scrollable list of matches (kept open); anywhere else closes it.
                  if (!(
                    event.relatedTarget instanceof Element && event.relatedTarget.closest('[data-user-picker-options]')
                  ))
                    combobox.closeDropdown();
                }}
                onChange={(event) => {
                  const text = event.currentTarget.value;
                  combobox.updateSelectedOptionIndex();
                  if (searchWords(text).length) combobox.openDropdown();
                  else combobox.closeDropdown();
                  setSearch(text);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Backspace' && search.length === 0 && value.length > 0) {
                    event.preventDefault();
                    remove(value[value.length - 1]?.id);
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        {/* The list holds options only; a message about the search sits beside it. */}
        {/* Focusable, so keyboard users can scroll a long list of matches (WCAG 2.1.1). */}
        <Combobox.Options
          mah={280}
          style={{ overflowY: 'auto' }}
          aria-label={t`Matching people`}
          tabIndex={0}
          data-user-picker-options
          onBlur={(event) => {
            if (!(event.relatedTarget instanceof Element && event.currentTarget.contains(event.relatedTarget)))
              combobox.closeDropdown();
          }}
        >
          {status ? null : optionNodes}
        </Combobox.Options>
        {status ? <Combobox.Empty role="status">{status}</Combobox.Empty> : null}
      </Combobox.Dropdown>
    </Combobox>
  );
};
