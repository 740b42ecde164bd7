import { EmptyState as MantineEmptyState } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  /** Usually the primary action, e.g. a "Create group" button. */
  action?: ReactNode;
  icon?: ReactNode;
}

/** What a list or panel shows when it has nothing to show. */
export const EmptyState = ({ title, description, action, icon }: EmptyStateProps) => (
  <MantineEmptyState
    py="xl"
    title={title}
    description={description}
    icon={icon ?? <IconMoodEmpty size={32} stroke={1.5} aria-hidden />}
    withIndicatorBackground
  >
    {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
  </MantineEmptyState>
);
