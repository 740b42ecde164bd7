/** One request the API benchmark measures (api-bench.ts runs it; history-bench.ts adds the history ones). */
export interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: string;
  /** Sent as `Accept-Encoding` (none when absent). */
  acceptEncoding?: string;
  /** Builds a fresh request for each call (rotating bodies or ids). */
  setup?: () => { path: string; body?: string };
  read: boolean;
}
