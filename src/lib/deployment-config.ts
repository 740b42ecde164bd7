/**
 * The deployment's `config.json` (beside index.html), read once at start. Its JSON Schema is
 * `public/config.schema.json` (published with the build); `config-schema.test.ts` keeps the two in step.
 *
 * ```json
 * { "environment": { "kind": "genesys", "region": "eu_west_1", "clientId": "…" }, "pinned": true }
 * { "environment": { "kind": "custom", "apiBase": "https://api.example.com", "loginBase": "https://login.example.com", "clientId": "…" } }
 * { "environment": { "kind": "embedded" } }
 * ```
 *
 * `pinned: true` makes the deployment's environment the only one: Settings shows it read-only and a
 * choice saved in the browser earlier is ignored. `language` (`"de"`) is the console's language for users
 * who chose none and whose Genesys Cloud account sets none (src/lib/locale.ts).
 */

import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { UI_LANGUAGES, type UiLanguage } from './locale';

/** Genesys Cloud regions (SDK `PureCloudRegionHosts`): region id → host. */
export const REGIONS = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
} as const;

export type RegionId = keyof typeof REGIONS;

const REGION_IDS = Object.keys(REGIONS) as RegionId[];

/*
 * Checked by hand rather than with a schema library: this runs at every start, in the first screen's
 * script, and a schema library would more than double the code it needs.
 */

export type EnvironmentSetting =
  | { kind: 'embedded' }
  | { kind: 'genesys'; region: RegionId; clientId: string }
  | { kind: 'custom'; apiBase: string; loginBase: string; clientId: string; label?: string };

export interface DeploymentConfig {
  $schema?: string;
  environment: EnvironmentSetting;
  pinned: boolean;
  /** The default language of the console's words (src/lib/locale.ts). */
  language?: UiLanguage;
}

/**
 * A problem at a path inside the checked value (`environment.region`), or at its top when the path is
 * empty. The check runs before the page's language is active: the words are descriptors, translated
 * where they are shown (describeConfigProblem).
 */
interface Problem {
  path: string[];
  message: MessageDescriptor;
}

/** What a check found: the value as the console uses it (strings trimmed, defaults filled), or the problems. */
type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const unknownKeys = (value: Record<string, unknown>, allowed: readonly string[], path: string[]): Problem[] =>
  Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ path, message: msg`Unrecognized key: "${key}"` }));

const checkClientId = (value: unknown, problems: Problem[], path: string[]): string => {
  if (typeof value !== 'string') {
    problems.push({ path: [...path, 'clientId'], message: msg`clientId must be a string` });
    return '';
  }
  const trimmed = value.trim();
  if (!trimmed)
    problems.push({
      path: [...path, 'clientId'],
      message: msg`clientId must not be empty: the id of an OAuth client with the code grant (PKCE)`,
    });
  return trimmed;
};

/** An origin such as `https://api.example.com` or `http://127.0.0.1:8080`: scheme and host, no path. */
const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
};

const checkOrigin = (value: unknown, name: string, problems: Problem[], path: string[]): string => {
  if (typeof value !== 'string') problems.push({ path: [...path, name], message: msg`${name} must be a string` });
  else if (!isOrigin(value))
    problems.push({
      path: [...path, name],
      message: msg`${name} must be an origin such as https://api.example.com (scheme and host, no path or trailing slash)`,
    });
  return typeof value === 'string' ? value : '';
};

const KIND_MESSAGE = msg`environment.kind must be "embedded", "genesys" or "custom"`;

const checkEnvironment = (value: unknown, path: string[]): Checked<EnvironmentSetting> => {
  const kind = isRecord(value) ? value.kind : undefined;
  if (!isRecord(value) || (kind !== 'embedded' && kind !== 'genesys' && kind !== 'custom'))
    return { ok: false, problems: [{ path: isRecord(value) ? [...path, 'kind'] : path, message: KIND_MESSAGE }] };
  const problems: Problem[] = [];
  let setting: EnvironmentSetting;
  if (kind === 'embedded') {
    problems.push(...unknownKeys(value, ['kind'], path));
    setting = { kind };
  } else if (kind === 'genesys') {
    problems.push(...unknownKeys(value, ['kind', 'region', 'clientId'], path));
    const region = value.region;
    const known = typeof region === 'string' && (REGION_IDS as string[]).includes(region);
    if (!known) {
      const regions = REGION_IDS.join(', ');
      problems.push({ path: [...path, 'region'], message: msg`region must be one of ${regions}` });
    }
    setting = { kind, region: region as RegionId, clientId: checkClientId(value.clientId, problems, path) };
  } else {
    problems.push(...unknownKeys(value, ['kind', 'apiBase', 'loginBase', 'clientId', 'label'], path));
    setting = {
      kind,
      apiBase: checkOrigin(value.apiBase, 'apiBase', problems, path),
      loginBase: checkOrigin(value.loginBase, 'loginBase', problems, path),
      clientId: checkClientId(value.clientId, problems, path),
    };
    if (value.label !== undefined) {
      const label = typeof value.label === 'string' ? value.label.trim() : '';
      if (!label || label.length > 80)
        problems.push({ path: [...path, 'label'], message: msg`label must be a text of 1 to 80 characters` });
      else setting.label = label;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: setting };
};

const checkDeploymentConfig = (value: unknown): Checked<DeploymentConfig> => {
  if (!isRecord(value)) return { ok: false, problems: [{ path: [], message: msg`it must be a JSON object` }] };
  const problems = unknownKeys(value, ['$schema', 'environment', 'pinned', 'language'], []);
  if (value.$schema !== undefined && typeof value.$schema !== 'string')
    problems.push({ path: ['$schema'], message: msg`$schema must be a string` });
  if (value.pinned !== undefined && typeof value.pinned !== 'boolean')
    problems.push({ path: ['pinned'], message: msg`pinned must be true or false` });
  const language = typeof value.language === 'string' ? UI_LANGUAGES.find((l) => l === value.language) : undefined;
  if (value.language !== undefined && !language) {
    const languages = UI_LANGUAGES.join(', ');
    problems.push({ path: ['language'], message: msg`language must be one of ${languages}` });
  }
  const environment = checkEnvironment(value.environment, ['environment']);
  if (!environment.ok) problems.push(...environment.problems);
  if (problems.length || !environment.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...(typeof value.$schema === 'string' ? { $schema: value.$schema } : {}),
      environment: environment.value,
      pinned: value.pinned === true,
      ...(language ? { language } : {}),
    },
  };
};

/** A valid environment setting (strings trimmed), or null. */
export const checkEnvironmentSetting = (value: unknown): EnvironmentSetting | null => {
  const checked = checkEnvironment(value, []);
  return checked.ok ? checked.value : null;
};

/** Whether config.json's content is a valid configuration (the JSON Schema's verdict, `config-schema.test.ts`). */
export const isValidDeploymentConfig = (value: unknown): boolean => checkDeploymentConfig(value).ok;

/** A problem of config.json: where in the file (`environment.region`; '' for the file itself) and what. */
export interface ConfigProblem {
  path: string;
  message: MessageDescriptor;
}

/** A problem as the error page lists it, in the page's language: "environment.region: region must be one of …". */
export const describeConfigProblem = ({ path, message }: ConfigProblem): string => {
  const problem = i18n._(message);
  return path
    ? t({
        message: `${path}: ${problem}`,
        comment: 'a problem of the configuration file: where in the file (a JSON path), then what is wrong',
      })
    : problem;
};

/** config.json exists but is not valid JSON or not a valid configuration: the console does not start. */
export class DeploymentConfigError extends Error {
  override name = 'DeploymentConfigError';
  constructor(
    readonly url: string,
    readonly problems: ConfigProblem[],
  ) {
    // For developers: the problems are worded (in the page's language) by the error page.
    const where = problems.map((problem) => problem.path || '.').join(', ');
    // eslint-disable-next-line lingui/no-unlocalized-strings -- a developer's Error message (logs); the page words the problems
    super(`${url} is not a valid configuration (problems at: ${where})`);
  }

  /** The problems in the page's language (call once the language is active: at render time). */
  describeProblems(): string[] {
    return this.problems.map(describeConfigProblem);
  }
}

/** Validates a parsed config.json; throws DeploymentConfigError naming each problem with its path. */
export const parseDeploymentConfig = (value: unknown, url: string): DeploymentConfig => {
  const checked = checkDeploymentConfig(value);
  if (checked.ok) return checked.value;
  throw new DeploymentConfigError(
    url,
    checked.problems.map(({ path, message }) => ({ path: path.join('.'), message })),
  );
};
