import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { cssVariablesResolver, theme } from '@/config/theme';

export interface AppProviderProps {
  queryClient: QueryClient;
  children: ReactNode;
}

/** Theme (following the system's light/dark choice until the user picks one), modals, notifications, query cache. */
export const AppProvider = ({ queryClient, children }: AppProviderProps) => (
  <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
    <QueryClientProvider client={queryClient}>
      <ModalsProvider>
        <Notifications position="top-right" limit={4} />
        {children}
      </ModalsProvider>
    </QueryClientProvider>
  </MantineProvider>
);
