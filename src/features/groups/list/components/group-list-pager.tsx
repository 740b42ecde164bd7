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
  const first = page.groups.length ? (page.pageNumber - 1) * page.pageSize + 1 : 0;
  const last = page.groups.length ? first + page.groups.length - 1 : 0;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" component="nav" aria-label="Pages">
      <Text size="sm" c="dimmed" aria-live="polite">
        Showing {formatCount(first)}–{formatCount(last)} of {formatCount(page.total)} · Page{' '}
        {formatCount(page.pageNumber)} of {formatCount(Math.max(page.pageCount, 1))}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconChevronLeft size={16} aria-hidden />}
          disabled={disabled || !page.previous}
          onClick={() => page.previous && onNavigate(page.previous)}
        >
          Previous page
        </Button>
        <Button
          variant="default"
          rightSection={<IconChevronRight size={16} aria-hidden />}
          disabled={disabled || !page.next}
          onClick={() => page.next && onNavigate(page.next)}
        >
          Next page
        </Button>
      </Group>
    </Group>
  );
};
