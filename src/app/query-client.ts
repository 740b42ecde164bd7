import { t } from '@lingui/core/macro';
import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';
import { showErrorNotification } from '@/components/feedback/error-reference';
import { describeError } from '@/components/feedback/query-error-alert';

/**
 * The console's one QueryClient.
 *
 * Error tiers:
 * - a query's first load fails → the route's ErrorBoundary (loaders use `ensureQueryData`);
 * - a background refetch fails (the query already has data) → a notification, from `QueryCache.onError`;
 * - a mutation fails → a notification from `MutationCache.onError`, unless `meta: { silent: true }`
 *   (forms that show the error themselves, e.g. 400 field errors or a 409 conflict dialog).
 * A 401 shows nothing: the HTTP layer is already sending the user through sign-in. Each notification
 * carries the request's reference (its correlation id) and the console's version (error-reference.tsx).
 *
 * Invalidation is declared once per write, in the feature's mutations module (for groups, the
 * INVALIDATES table of src/features/groups/group-mutations.ts, over the keys of src/api/keys/), and
 * handed to the mutation as meta, never by components:
 * ```ts
 * useDeleteGroup({ mutation: { meta: { invalidates: INVALIDATES.deleteGroup(), successMessage: 'Group deleted' } } });
 * ```
 * `MutationCache.onSuccess` invalidates each listed key (prefix match) and the mutation stays
 * pending until those refetches finish, so `mutateAsync` resolves with fresh lists.
 *
 * Retries: none for 4xx; up to 2 for network errors and 5xx (queries only: mutations are never
 * retried, as they may not be idempotent).
 */
declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Query keys (prefixes) to invalidate after success. */
      invalidates?: readonly QueryKey[];
      /** Do not show the global error notification: the caller shows the error itself. */
      silent?: boolean;
      /**
       * Title of the error notification (default "Could not save changes"), in the page's language: the
       * meta is built at render time (the mutation hook's options), so `t` is fine there.
       */
      errorTitle?: string;
      /** A success notification to show, in the page's language. */
      successMessage?: string;
    };
  }
}

const MAX_RETRIES = 2;

export const shouldRetry = (failureCount: number, error: unknown): boolean => {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
};

const isUnauthorized = (error: unknown) => isApiError(error) && error.status === 401;

/** What went wrong, in the console's words (describeError: the API's own text is a detail of the reference). */
const errorMessage = (error: unknown): string => describeError(error);

const refreshFailure = (problem: string): string =>
  t({
    message: `${problem} Showing the last data loaded.`,
    comment: '{problem} is a whole sentence saying what went wrong (e.g. "The server could not be reached.")',
  });

export const createQueryClient = (): QueryClient => {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined || isUnauthorized(error)) return;
        showErrorNotification({
          id: `refetch-${query.queryHash}`,
          title: t`Could not refresh data`,
          text: refreshFailure(errorMessage(error)),
          error,
        });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.silent || isUnauthorized(error)) return;
        showErrorNotification({
          title: mutation.meta?.errorTitle ?? t`Could not save changes`,
          text: errorMessage(error),
          error,
        });
      },
      onSuccess: async (_data, _variables, _context, mutation) => {
        if (mutation.meta?.successMessage) {
          notifications.show({ color: 'green', message: mutation.meta.successMessage });
        }
        const keys = mutation.meta?.invalidates ?? [];
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
};
