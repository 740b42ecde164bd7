import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ModalsHost } from '@/components/feedback/modals-host';
import { NotificationsHost } from '@/components/feedback/notifications-host';
import { cssVariablesResolver, localizedTheme } from '@/config/theme';

export interface AppProviderProps {
  queryClient: QueryClient;
  children: ReactNode;
}

/** Theme (following the system's light/dark choice until the user picks one), modals, notifications, query cache. */
export const AppProvider = ({ queryClient, children }: AppProviderProps) => {
  // Once: the page keeps its language from load to load.
  const [theme] = useState(localizedTheme);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <ModalsHost />
        <NotificationsHost />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
};
