/**
 * What the About dialog says, as rows and as the text "Copy details" puts on the clipboard for a
 * support ticket: the console's build, the API it talks to and the signed-in user's org.
 */
import { t } from '@lingui/core/macro';
import type { ServerVersion } from '@/api/server-version';
import type { BuildInfo } from '@/config/build-info';
import type { Environment } from '@/lib/environment';

export interface AboutRow {
  /** Stable, whatever the language: the row's test id. */
  key: string;
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

/** Whether the API is the embedded server (which answers GET /version). */
export const isEmbedded = (environment: Environment): boolean => environment.setting.kind === 'embedded';

/** The rows, in the page's language (call at render time). */
export const aboutRows = (input: AboutInput): AboutRow[] => {
  const { build, environment } = input;
  const unknown = t({ message: 'unknown', comment: 'a value of the About details that could not be known' });
  const rows: AboutRow[] = [
    { key: 'console-version', label: t`Console version`, value: build.version },
    { key: 'console-commit', label: t`Console commit`, value: build.commit ?? unknown },
  ];
  const api = t({ message: 'API', comment: 'the About details: which API the console talks to' });
  const apiHostLabel = t`API host`;
  const setting = environment.setting;
  if (setting.kind === 'embedded') {
    const host = new URL(input.origin).host;
    rows.push({ key: 'api', label: api, value: t`Embedded Groups API server at ${host}` });
    const server = input.server;
    const pending = input.serverError ?? t`Loading…`;
    rows.push(
      { key: 'server-version', label: t`Server version`, value: server ? server.version : pending },
      { key: 'server-commit', label: t`Server commit`, value: server ? (server.commit ?? unknown) : pending },
      {
        key: 'server-node',
        label: t({ message: 'Server Node', comment: 'the version of Node.js the server runs on' }),
        value: server ? server.node : pending,
      },
    );
  } else if (setting.kind === 'genesys') {
    const region = setting.region;
    rows.push(
      { key: 'api', label: api, value: t`Genesys Cloud, region ${region}` },
      { key: 'api-host', label: apiHostLabel, value: new URL(environment.apiBase).host },
    );
  } else {
    const label = environment.label;
    rows.push(
      { key: 'api', label: api, value: t`${label} (custom)` },
      { key: 'api-host', label: apiHostLabel, value: new URL(environment.apiBase).host },
    );
  }
  const org = input.organization;
  const orgName = org?.name;
  const orgId = org?.id;
  const orgText = orgName
    ? orgId
      ? t({ message: `${orgName} (${orgId})`, comment: "an organization's name, then its id" })
      : orgName
    : (orgId ?? unknown);
  rows.push({ key: 'organization', label: t`Organization`, value: orgText });
  const user = input.user;
  if (user?.email || user?.name)
    rows.push({ key: 'signed-in-as', label: t`Signed in as`, value: user.email ?? user.name ?? unknown });
  return rows;
};

/** The rows as plain text, one "Label: value" a line, for a support ticket (call at render or event time). */
export const aboutText = (rows: readonly AboutRow[]): string => {
  const lines = rows.map((row) => {
    const { label, value } = row;
    return t({
      message: `${label}: ${value}`,
      comment: 'a line of the About details copied for support: label, then value',
    });
  });
  return [t({ message: 'Groups Console', comment: "the product's name" }), ...lines].join('\n');
};
