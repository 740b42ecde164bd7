import '@/styles/page-styles';
import '@mantine/spotlight/styles.css';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { createSpotlight, Spotlight, useSpotlight } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconSettings, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { getSearchGroupsQueryOptions } from '@/api/generated/endpoints/groups/groups';
import { rememberOpener, returnFocus } from '@/components/dialogs/dialog-focus';
import { paths } from '@/config/paths';
import { visibilityLabel } from '@/features/groups/core/group-vocabulary';
import classes from './command-palette.module.css';
import { useIsSignedIn } from '@/lib/auth';
import { useCan } from '@/lib/permissions';

const SEARCH_DEBOUNCE_MS = 250;
const RESULT_COUNT = 8;

const [paletteStore, palette] = createSpotlight();

/** Opens the palette (it may mount a moment later: it reads the open state from Spotlight's store). */
export const openCommandPalette = () => palette.open();

/**
 * Highlights the first result, so that Enter opens it (Spotlight highlights only on typing, before the
 * search has answered, and Enter does nothing while no result is highlighted).
 */
const highlightFirstResult = () => {
  const { listId } = paletteStore.getState();
  const list = listId ? document.getElementById(listId) : null;
  const first = list?.querySelector('[data-action]');
  if (!list || !first) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  first.setAttribute('data-selected', 'true');
  paletteStore.updateState((state) => ({ ...state, selected: 0 }));
};

/**
 * Ctrl/Cmd+K anywhere: search groups by name and open one, or jump to a page.
 */
export const CommandPalette = () => {
  const { t } = useLingui();
  const navigate = useNavigate();
  const signedIn = useIsSignedIn();
  const canCreate = useCan(paths.groups.new.permission);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);

  // Under the generated search key, so every group write (which invalidates group searches) refreshes it.
  const search = useQuery({
    ...getSearchGroupsQueryOptions({
      query: [{ type: 'CONTAINS', fields: ['name'], value: debounced }],
      pageSize: RESULT_COUNT,
      pageNumber: 1,
      sortBy: 'name',
      sortOrder: 'ASC',
    }),
    enabled: signedIn && debounced.length > 0,
    staleTime: 30_000,
  });

  const q = query.trim().toLowerCase();
  const staticActions = [
    { id: 'browse', label: t`Browse groups`, icon: IconUsersGroup, href: paths.groups.list.getHref(), show: true },
    { id: 'create', label: t`Create group`, icon: IconPlus, href: paths.groups.new.getHref(), show: canCreate },
    { id: 'settings', label: t`Settings`, icon: IconSettings, href: paths.settings.getHref(), show: true },
  ].filter((a) => a.show && (!q || a.label.toLowerCase().includes(q)));

  const groups = debounced ? (search.data?.results ?? []) : [];
  const searching = query.trim() !== debounced || search.isFetching;
  const { opened } = useSpotlight(paletteStore);
  const results = [...groups.map((g) => g.id), ...staticActions.map((a) => a.id)].join('|');
  useEffect(() => {
    if (opened) highlightFirstResult();
  }, [opened, results]);
  // Focus goes back to what had it before, also after the first opening (which mounts the palette open).
  useLayoutEffect(() => {
    if (!opened) return;
    const opener = rememberOpener();
    return () => returnFocus(opener, document.activeElement?.closest('[role="dialog"]'));
  }, [opened]);

  return (
    <Spotlight.Root
      store={paletteStore}
      returnFocus={false}
      classNames={{ action: classes.action }}
      query={query}
      onQueryChange={setQuery}
      // Spotlight clears the query when its closing transition ends: opened again before then (Escape and
      // Ctrl+K in quick succession, or a busy page), it would show the last search. It opens empty.
      onSpotlightOpen={() => setQuery('')}
      // eslint-disable-next-line lingui/no-unlocalized-strings -- a key combination for Mantine's hotkeys, not words
      shortcut={['mod + K']}
      scrollable
      maxHeight={480}
      attributes={{ content: { 'aria-label': t`Command palette` } }}
    >
      <Spotlight.Search
        placeholder={t`Search groups or jump to…`}
        leftSection={<IconSearch stroke={1.5} aria-hidden />}
        aria-label={t`Search groups`}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !document.querySelector('[data-action][data-selected]')) highlightFirstResult();
        }}
      />
      <Spotlight.ActionsList aria-label={t({ message: 'Results', comment: 'the list of what the search found' })}>
        {groups.length > 0 ? (
          <Spotlight.ActionsGroup label={t({ message: 'Groups', comment: 'heading of the groups the search found' })}>
            {groups.map((group) => (
              <Spotlight.Action
                key={group.id}
                label={group.name}
                description={
                  group.description ||
                  [
                    plural(group.memberCount ?? 0, { one: '# member', other: '# members' }),
                    visibilityLabel(group.visibility),
                  ]
                    .filter(Boolean)
                    .join(' · ')
                }
                leftSection={<IconUsersGroup stroke={1.5} aria-hidden />}
                highlightQuery
                onClick={() => group.id && void navigate(paths.groups.detail.getHref(group.id))}
              />
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {staticActions.length > 0 ? (
          <Spotlight.ActionsGroup
            label={t({ message: 'Go to', comment: 'heading of the pages the search offers to open' })}
          >
            {staticActions.map(({ id, label, icon: Icon, href }) => (
              <Spotlight.Action
                key={id}
                label={label}
                leftSection={<Icon stroke={1.5} aria-hidden />}
                onClick={() => void navigate(href)}
              />
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {groups.length === 0 && staticActions.length === 0 ? (
          <Spotlight.Empty>
            {searching ? t`Searching…` : search.isError ? t`Search failed. Try again.` : t`No groups match.`}
          </Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
};
