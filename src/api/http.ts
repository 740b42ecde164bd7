/**
 * The console's one network door: every generated hook calls `apiRequest`. It adds the base URL of
 * the current environment and the bearer token, sends JSON, turns every non-2xx answer into an
 * ApiError carrying the ErrorBody and the correlation id, honours 429 Retry-After once, and on 401 asks the auth layer to
 * sign in again (once) before giving up.
 */
import { ApiError, CORRELATION_HEADER, type ErrorBodyShape } from './errors';
import { DEFAULT_RETRY_AFTER_SECONDS, retryAfterOf } from './retry-after';

export interface HttpConfig {
  /** Base URL of the API, '' for the server that served the console. */
  baseUrl: () => string;
  /** The current access token, or null when signed out. */
  getToken: () => string | null;
  /** Called on 401; resolves true when a new token is available and the request should be retried. */
  onUnauthorized: () => Promise<boolean>;
}

let config: HttpConfig = {
  baseUrl: () => '',
  getToken: () => null,
  onUnauthorized: async () => false,
};

export const configureHttp = (next: Partial<HttpConfig>): void => {
  config = { ...config, ...next };
};

/** The current configuration, for a Web Worker that sends requests with the same base URL and token. */
export const httpConfig = (): Readonly<HttpConfig> => config;

export interface RequestConfig {
  url: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'get' | 'head' | 'post' | 'put' | 'delete' | 'patch';
  params?: Record<string, unknown>;
  data?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Longest wait honoured here for a 429's Retry-After before the error is shown instead. */
const MAX_WAIT_SECONDS = 10;

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      // eslint-disable-next-line lingui/no-unlocalized-strings -- a DOMException's message and name, for code
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    });
  });

/** Arrays go comma-joined in one parameter, as the official SDK sends them. */
export const buildQuery = (params: Record<string, unknown> | undefined): string => {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.map(String).join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const s = search.toString().replace(/%2C/gi, ',');
  return s ? `?${s}` : '';
};

const parseBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text };
  }
};

const send = async (req: RequestConfig): Promise<Response> => {
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  const token = config.getToken();
  // eslint-disable-next-line lingui/no-unlocalized-strings -- the HTTP Authorization scheme, not words
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (req.data !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.data);
  }
  try {
    return await fetch(`${config.baseUrl()}${req.url}${buildQuery(req.params)}`, {
      method: req.method.toUpperCase(),
      headers,
      body,
      signal: req.signal,
    });
  } catch (error) {
    if (req.signal?.aborted) throw error;
    // No answer, so no API text: the console words it (describeApiError).
    throw new ApiError(0, {});
  }
};

export const apiRequest = async <T>(req: RequestConfig): Promise<T> => {
  let response = await send(req);

  if (response.status === 429) {
    // Seconds or an HTTP date (retry-after.ts); without the header, the default wait.
    const retryAfter = retryAfterOf(response.headers) ?? DEFAULT_RETRY_AFTER_SECONDS;
    if (retryAfter <= MAX_WAIT_SECONDS) {
      await sleep(retryAfter * 1000, req.signal);
      response = await send(req);
    }
  }

  if (response.status === 401 && (await config.onUnauthorized())) {
    response = await send(req);
  }

  const body = await parseBody(response);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      (body ?? {}) as ErrorBodyShape,
      retryAfterOf(response.headers),
      response.headers.get(CORRELATION_HEADER),
    );
  }
  return body as T;
};

export default apiRequest;

/** The error type the generated hooks declare. */
export type ErrorType<_E> = ApiError;
/** Request bodies are sent as they are. */
export type BodyType<B> = B;

/**
 * The same door for requests that are not API operations: the OAuth token exchange (through
 * oauth4webapi's `customFetch`) and the optional `/config.json` runtime configuration.
 */
export const rawFetch: typeof fetch = (input, init) => fetch(input, init);
