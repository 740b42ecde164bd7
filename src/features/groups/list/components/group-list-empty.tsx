import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/feedback/empty-state';
import { paths } from '@/config/paths';
import { Can } from '@/lib/permissions';
import { clearSearchAndFilters, goToPage, hasSearchOrFilters, type GroupListState } from '../list-url-state';
import { permissionOf } from '@/lib/permission-names';

export interface GroupListEmptyProps {
  state: GroupListState;
  /** How many groups the view holds in all (a page past the end can be empty while total > 0). */
  total: number;
  onNavigate: (next: GroupListState) => void;
}

/** Nothing to show, and the way out: clear the search, go back to the first page, or create a group. */
export const GroupListEmpty = ({ state, total, onNavigate }: GroupListEmptyProps) => {
  const { t } = useLingui();
  if (total > 0) {
    return (
      <EmptyState
        title={t`This page is empty`}
        description={t`There are fewer groups than this page number suggests.`}
        action={
          <Button variant="light" onClick={() => onNavigate(goToPage(state, { page: 1 }))}>
            <Trans>Go to the first page</Trans>
          </Button>
        }
      />
    );
  }
  if (state.mine && !hasSearchOrFilters({ ...state, mine: false })) {
    return (
      <EmptyState
        title={t`You own no groups`}
        description={t`Groups you own are listed here. A group's owners can edit it and change its members.`}
        action={
          <Button variant="light" onClick={() => onNavigate(clearSearchAndFilters(state))}>
            <Trans>Show all groups</Trans>
          </Button>
        }
      />
    );
  }
  if (hasSearchOrFilters(state)) {
    return (
      <EmptyState
        title={t`No groups match`}
        description={t`No group you can see matches this search and these filters.`}
        action={
          <Button variant="light" onClick={() => onNavigate(clearSearchAndFilters(state))}>
            <Trans>Clear search and filters</Trans>
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      title={t`No groups yet`}
      description={t`There are no groups you can see.`}
      action={
        <Can permission={permissionOf('createGroup')}>
          <Button component={Link} to={paths.groups.new.getHref()} leftSection={<IconPlus size={16} aria-hidden />}>
            <Trans>Create group</Trans>
          </Button>
        </Can>
      }
    />
  );
};
