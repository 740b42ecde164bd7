/**
 * What the About dialog says, as rows and as the text "Copy details" puts on the clipboard for a
 * support ticket: the console's build, the API it talks to and the signed-in user's org.
 */
import type { ServerVersion } from '@/api/server-version';
import type { BuildInfo } from '@/config/build-info';
import type { Environment } from '@/lib/environment';

export interface AboutRow {
  label: string;
  value: string;
}

export interface AboutInput {
  build: BuildInfo;
  environment: Environment;
  /** The origin the console runs at (the embedded server's, when the API is the embedded server). */
  origin: string;
  /** The embedded server's /version answer; undefined while it loads, or for a real org (never asked). */
  server?: ServerVersion;
  /** Why the embedded server's version is unknown, when asking failed. */
  serverError?: string;
  organization?: { id?: string; name?: string };
  user?: { name?: string; email?: string };
}

const UNKNOWN = 'unknown';

/** Whether the API is the embedded server (which answers GET /version). */
export const isEmbedded = (environment: Environment): boolean => environment.setting.kind === 'embedded';

export const aboutRows = (input: AboutInput): AboutRow[] => {
  const { build, environment } = input;
  const rows: AboutRow[] = [
    { label: 'Console version', value: build.version },
    { label: 'Console commit', value: build.commit ?? UNKNOWN },
  ];
  const setting = environment.setting;
  if (setting.kind === 'embedded') {
    rows.push({ label: 'API', value: `Embedded Groups API server at ${new URL(input.origin).host}` });
    const server = input.server;
    const pending = input.serverError ?? 'Loading…';
    rows.push(
      { label: 'Server version', value: server ? server.version : pending },
      { label: 'Server commit', value: server ? (server.commit ?? UNKNOWN) : pending },
      { label: 'Server Node', value: server ? server.node : pending },
    );
  } else if (setting.kind === 'genesys') {
    rows.push(
      { label: 'API', value: `Genesys Cloud, region ${setting.region}` },
      { label: 'API host', value: new URL(environment.apiBase).host },
    );
  } else {
    rows.push(
      { label: 'API', value: `${environment.label} (custom)` },
      { label: 'API host', value: new URL(environment.apiBase).host },
    );
  }
  const org = input.organization;
  const orgText = org?.name ? (org.id ? `${org.name} (${org.id})` : org.name) : (org?.id ?? UNKNOWN);
  rows.push({ label: 'Organization', value: orgText });
  const user = input.user;
  if (user?.email || user?.name) rows.push({ label: 'Signed in as', value: user.email ?? user.name ?? UNKNOWN });
  return rows;
};

/** The rows as plain text, one "Label: value" a line, for a support ticket. */
export const aboutText = (rows: readonly AboutRow[]): string =>
  ['Groups Console', ...rows.map((row) => `${row.label}: ${row.value}`)].join('\n');
