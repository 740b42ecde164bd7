/**
 * `GET /version` of the embedded Groups API server (outside the API contract, like `/healthz`): what it
 * runs. A real Genesys Cloud org has no such endpoint; the About dialog asks only the embedded server.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './http';

export interface ServerVersion {
  version: string;
  commit: string | null;
  node: string;
}

export const SERVER_VERSION_PATH = '/version';

export const getServerVersion = (signal?: AbortSignal): Promise<ServerVersion> =>
  apiRequest<ServerVersion>({ url: SERVER_VERSION_PATH, method: 'GET', signal });

export const serverVersionQueryOptions = () =>
  queryOptions({
    queryKey: [SERVER_VERSION_PATH] as const,
    queryFn: ({ signal }) => getServerVersion(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
