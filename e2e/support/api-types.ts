/** The REST client of the specs (made by api.ts), apart so that data.ts can take one without importing api.ts. */
export interface Api {
  token: string;
  request: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body?: unknown) => Promise<T>;
  put: <T>(path: string, body?: unknown) => Promise<T>;
  delete: <T = void>(path: string) => Promise<T>;
}
