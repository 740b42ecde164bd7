import '@/styles/shell-styles';
import '@/app/badges.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureHttp } from '@/api/http';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/router';
import { revokeToken } from '@/api/generated/endpoints/tokens/tokens';
import { followSignOutInOtherTabs, getAccessToken, handleUnauthorized } from '@/lib/auth';
import { DeploymentConfigError } from '@/lib/deployment-config';
import { getEnvironment, loadRuntimeConfig } from '@/lib/environment';
import { holdIdleForFirstScreen } from '@/lib/idle';
import { activateLanguage } from '@/lib/i18n';
import { applyDocumentLocale } from '@/lib/locale';

// The runtime configuration is read while the router loads the page's code and renders its fallback;
// the loaders (and so the first API calls) wait for it, not the whole start. An invalid config.json
// replaces the app with a page that names what is wrong.
configureHttp({
  baseUrl: () => getEnvironment().apiBase,
  getToken: getAccessToken,
  onUnauthorized: handleUnauthorized,
});
// A sign-out in another tab signs this one out too.
followSignOutInOtherTabs(() => revokeToken());
const rootElement = document.getElementById('root')!;
const root = createRoot(rootElement);
const configRead = loadRuntimeConfig();
// The language is settled once config.json (which may set a default) has been read, or has failed to be:
// <html lang> names the locale of the words, dates and numbers (locale.ts); a language other than English
// fetches its catalogue beside the first page's code, and a catalogue that cannot be fetched leaves the
// console in English rather than blank.
const languageReady = configRead
  .catch(() => undefined)
  .then(() => {
    applyDocumentLocale();
    return activateLanguage();
  })
  .catch(() => activateLanguage('en'));
const configured = configRead.catch((error: unknown) => {
  if (!(error instanceof DeploymentConfigError)) throw error;
  root.unmount();
  // The page's code loads only for this case; should it not load either, the error's own text stands.
  import('@/components/feedback/config-error-page').then(
    ({ renderConfigErrorPage }) => renderConfigErrorPage(rootElement, error),
    () => {
      rootElement.textContent = error.message;
    },
  );
  // The loaders never run against an unknown environment.
  return new Promise<never>(() => {});
});
const queryClient = createQueryClient();
const router = createAppRouter(queryClient, configured);
// What waits for idle (header menus, dialog hosts, prefetches) waits for the first page to render, not
// for the quiet while its data is fetched.
holdIdleForFirstScreen();
// Once the language is active and config.json read; never when it is invalid (`configured` then stays
// pending: the page naming its problems has replaced the app).
void Promise.all([languageReady, configured.catch(() => undefined)]).then(() =>
  root.render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  ),
);
