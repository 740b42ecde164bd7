import { notifications } from '@mantine/notifications';
import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { createQueryClient, shouldRetry } from '../query-client';

// A spy on the shared notifications object rather than a module mock: unit test files share their
// modules within a worker (vitest.config.ts, isolate: false), where a module mock may come too late.
const show = vi.spyOn(notifications, 'show').mockImplementation(() => '');

afterEach(() => show.mockClear());

/** The props of the ErrorMessage a notification shows (error-reference.tsx). */
const messageOf = (call: number) =>
  (show.mock.calls[call]![0] as { message: { props: { text: string; error: unknown } } }).message.props;

const runMutation = (
  queryClient: ReturnType<typeof createQueryClient>,
  options: { meta?: Record<string, unknown>; fail?: unknown },
) =>
  queryClient
    .getMutationCache()
    .build(queryClient, {
      mutationFn: async () => {
        if (options.fail) throw options.fail;
        return 'ok';
      },
      meta: options.meta,
    })
    .execute(undefined);

describe('invalidation declared by mutation meta', () => {
  it('invalidates every query under the listed keys, and nothing else', async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(['/api/v2/groups', { pageNumber: 1 }], 'list');
    queryClient.setQueryData(['/api/v2/groups'], 'all');
    queryClient.setQueryData(['/api/v2/groups/g1'], 'detail');
    queryClient.setQueryData(['/api/v2/users/me'], 'me');

    await runMutation(queryClient, { meta: { invalidates: [['/api/v2/groups'], ['/api/v2/groups/g1']] } });

    const state = (key: unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(state(['/api/v2/groups', { pageNumber: 1 }])).toBe(true);
    expect(state(['/api/v2/groups'])).toBe(true);
    expect(state(['/api/v2/groups/g1'])).toBe(true);
    expect(state(['/api/v2/users/me'])).toBe(false);
  });

  it('waits for active queries to refetch before the mutation resolves', async () => {
    const queryClient = createQueryClient();
    let fetched = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: ['/api/v2/groups'],
      queryFn: async () => ++fetched,
    });
    const unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(fetched).toBe(1));
    await runMutation(queryClient, { meta: { invalidates: [['/api/v2/groups']] } });
    expect(fetched).toBe(2);
    expect(queryClient.getQueryData(['/api/v2/groups'])).toBe(2);
    unsubscribe();
  });

  it('invalidates nothing without meta', async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(['/api/v2/groups'], 'all');
    await runMutation(queryClient, {});
    expect(queryClient.getQueryState(['/api/v2/groups'])?.isInvalidated).toBe(false);
  });
});

describe('error notifications', () => {
  it('a failed mutation shows one, unless it is silent', async () => {
    const queryClient = createQueryClient();
    const fail = new ApiError(400, { message: 'Name is required', code: 'bad.request' });
    await expect(runMutation(queryClient, { fail })).rejects.toBe(fail);
    expect(show).toHaveBeenCalledTimes(1);
    expect(show.mock.calls[0]![0]).toMatchObject({ color: 'red' });
    // The console's words for the code; the API's own text is the reference's detail (apiTextOf).
    expect(messageOf(0)).toMatchObject({
      text: 'The server did not accept the request: something in it is not valid.',
      error: fail,
    });

    await expect(runMutation(queryClient, { fail, meta: { silent: true } })).rejects.toBe(fail);
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('a query shows one only when it already had data (a background refetch)', async () => {
    const queryClient = createQueryClient();
    const failing = {
      queryKey: ['k'],
      queryFn: () => Promise.reject(new ApiError(500, { message: 'Boom' })),
      retry: false,
    };
    await queryClient.prefetchQuery(failing);
    expect(show).not.toHaveBeenCalled();

    queryClient.setQueryData(['k'], 'old data');
    await queryClient.refetchQueries({ queryKey: ['k'] });
    expect(show).toHaveBeenCalledTimes(1);
    expect(show.mock.calls[0]![0]).toMatchObject({ title: 'Could not refresh data' });
    expect(messageOf(0).text).toBe('The server ran into a problem. Try again later. Showing the last data loaded.');
  });

  it('a 401 shows nothing (sign-in is already under way)', async () => {
    const queryClient = createQueryClient();
    await expect(runMutation(queryClient, { fail: new ApiError(401, { message: 'No' }) })).rejects.toBeDefined();
    expect(show).not.toHaveBeenCalled();
  });
});

describe('retry policy', () => {
  it('never retries 4xx', () => {
    expect(shouldRetry(0, new ApiError(404, {}))).toBe(false);
    expect(shouldRetry(0, new ApiError(409, {}))).toBe(false);
  });

  it('retries network errors and 5xx up to twice', () => {
    expect(shouldRetry(0, new ApiError(0, {}))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, {}))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, {}))).toBe(false);
  });
});
