import '@/styles/shell-styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureHttp } from '@/api/http';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/router';
import { getAccessToken, handleUnauthorized } from '@/lib/auth';
import { renderConfigErrorPage } from '@/components/feedback/config-error-page';
import { DeploymentConfigError } from '@/lib/deployment-config';
import { getEnvironment, loadRuntimeConfig } from '@/lib/environment';

const start = async () => {
  try {
    await loadRuntimeConfig();
  } catch (error) {
    if (!(error instanceof DeploymentConfigError)) throw error;
    renderConfigErrorPage(document.getElementById('root')!, error);
    return;
  }
  configureHttp({
    baseUrl: () => getEnvironment().apiBase,
    getToken: getAccessToken,
    onUnauthorized: handleUnauthorized,
  });
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  );
};

void start();
