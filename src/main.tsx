import '@/styles/shell-styles';
import '@/app/badges.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureHttp } from '@/api/http';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/router';
import { getAccessToken, handleUnauthorized } from '@/lib/auth';
import { getEnvironment, loadRuntimeConfig } from '@/lib/environment';

// The runtime configuration is read while the router loads the page's code and renders its fallback;
// the loaders (and so the first API calls) wait for it, not the whole start.
configureHttp({
  baseUrl: () => getEnvironment().apiBase,
  getToken: getAccessToken,
  onUnauthorized: handleUnauthorized,
});
const queryClient = createQueryClient();
const router = createAppRouter(queryClient, loadRuntimeConfig());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
