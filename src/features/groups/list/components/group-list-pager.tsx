import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { GroupsPage } from '../groups-view-query';
import type { GroupListState } from '../list-url-state';
import { formatCount } from '@/lib/plural';

export interface GroupListPagerProps {
  page: GroupsPage;
  /** Paging waits while the shown rows belong to the previous view. */
  disabled?: boolean;
  onNavigate: (next: GroupListState) => void;
}

/** "Showing 26–50 of 312 · Page 2 of 13" with Previous / Next, following the answer's own links. */
export const GroupListPager = ({ page, disabled = false, onNavigate }: GroupListPagerProps) => {
  const { t } = useLingui();
  const first = page.groups.length ? (page.pageNumber - 1) * page.pageSize + 1 : 0;
  const last = page.groups.length ? first + page.groups.length - 1 : 0;
  const firstShown = formatCount(first);
  const lastShown = formatCount(last);
  const total = formatCount(page.total);
  const pageNumber = formatCount(page.pageNumber);
  const pageCount = formatCount(Math.max(page.pageCount, 1));
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" component="nav" aria-label={t`Pages`}>
      <Text size="sm" c="dimmed" aria-live="polite">
        <Trans>
          Showing {firstShown}–{lastShown} of {total} · Page {pageNumber} of {pageCount}
        </Trans>
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconChevronLeft size={16} aria-hidden />}
          disabled={disabled || !page.previous}
          onClick={() => page.previous && onNavigate(page.previous)}
        >
          <Trans>Previous page</Trans>
        </Button>
        <Button
          variant="default"
          rightSection={<IconChevronRight size={16} aria-hidden />}
          disabled={disabled || !page.next}
          onClick={() => page.next && onNavigate(page.next)}
        >
          <Trans>Next page</Trans>
        </Button>
      </Group>
    </Group>
  );
};
