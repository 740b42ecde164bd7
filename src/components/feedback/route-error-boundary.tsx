import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group } from '@mantine/core';
import { isRouteErrorResponse, Link, useParams, useRevalidator, useRouteError } from 'react-router';
import { isApiError } from '@/api/errors';
import { isPermission } from '@/lib/permission-names';
import { ErrorReference } from './error-reference';
import { Forbidden } from './forbidden';
import { describeError } from './query-error-alert';
import { StatusPage } from './status-page';

/**
 * A page's code (a lazy chunk, or the stylesheet Vite preloads with it) failed to download, e.g.
 * while offline. Browsers remember a failed module import, so only a full reload fetches it again.
 */
const isChunkLoadError = (error: unknown): boolean =>
  error instanceof Error &&
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(
    error.message,
  );

const statusOf = (error: unknown): number | null => {
  if (isApiError(error)) return error.status;
  if (isRouteErrorResponse(error)) return error.status;
  return null;
};

/**
 * The error view of every route (export it as the route module's `ErrorBoundary`): a first load
 * that failed. 404 → "not found" with a way back; 403 → the missing permission; 401 → sign-in is
 * on its way; anything else (5xx, network) → the message and "Try again", which re-runs the loaders
 * (or reloads the page when the page's code itself could not be fetched). Each page from an API error
 * shows the request's reference (its correlation id) and the console's version, to quote when reporting it.
 */
export const RouteErrorBoundary = () => {
  const { t } = useLingui();
  const error = useRouteError();
  const { groupId } = useParams();
  const revalidator = useRevalidator();
  const status = statusOf(error);
  // The request's reference and the console's version, when the page comes from an API error.
  const details = isApiError(error) ? <ErrorReference error={error} center /> : undefined;

  if (status === 404) {
    return (
      <StatusPage
        code="404"
        title={groupId ? t`Group not found` : t`Page not found`}
        description={
          groupId
            ? t`This group does not exist, was deleted, or is not visible to you.`
            : t`There is nothing at this address.`
        }
        actions={
          <Button component={Link} to="/groups" variant="light">
            <Trans>Back to groups</Trans>
          </Button>
        }
        details={details}
      />
    );
  }

  if (status === 403) {
    const needed = isApiError(error) ? Object.values(error.body.messageParams ?? {}).find(isPermission) : undefined;
    return <Forbidden permission={needed} error={isApiError(error) ? error : undefined} />;
  }

  if (status === 401) {
    return <StatusPage loading title={t`Signing you in…`} description={t`Your session has ended.`} />;
  }

  const chunkError = isChunkLoadError(error);
  return (
    <StatusPage
      code={status && status >= 500 ? status : undefined}
      title={t`Something went wrong`}
      description={
        chunkError
          ? t`This page of the console could not be loaded. Check your connection and try again.`
          : describeError(error)
      }
      actions={
        <Group>
          <Button
            onClick={() => (chunkError ? window.location.reload() : void revalidator.revalidate())}
            loading={revalidator.state === 'loading'}
          >
            <Trans>Try again</Trans>
          </Button>
          <Button component={Link} to="/groups" variant="default">
            <Trans>Back to groups</Trans>
          </Button>
        </Group>
      }
      details={chunkError ? undefined : <ErrorReference error={error} center />}
    />
  );
};
