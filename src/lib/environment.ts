import { useSyncExternalStore } from 'react';
import { rawFetch } from '@/api/http';

/**
 * Where the console talks to: the embedded server that served it (the default), or a real
 * Genesys Cloud org in one of its regions with an OAuth client of that org.
 *
 * The user's choice lives in localStorage. A deployment may set the default in `/config.json`
 * (`{ "environment": { "kind": "genesys", "region": "eu_west_1", "clientId": "…" } }`), read once at start.
 */

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

export const isRegionId = (value: unknown): value is RegionId =>
  typeof value === 'string' && Object.hasOwn(REGIONS, value);

export const EMBEDDED_CLIENT_ID = 'groups-console';

export type EnvironmentSetting = { kind: 'embedded' } | { kind: 'genesys'; region: RegionId; clientId: string };

export interface Environment {
  /** Stable id, also used to keep one session per environment: 'embedded' or the region id. */
  id: string;
  /** Shown in the header: "Embedded server" or the region host. */
  label: string;
  /** Prefix of every API URL; '' = the origin that served the console. */
  apiBase: string;
  /** Origin of /oauth/authorize and /oauth/token. */
  loginBase: string;
  clientId: string;
  setting: EnvironmentSetting;
}

const STORAGE_KEY = 'groups-console.environment';
const EMBEDDED: EnvironmentSetting = { kind: 'embedded' };

let deploymentDefault: EnvironmentSetting = EMBEDDED;

/** Parses an unknown value into a setting, or null when it is not a valid one. */
export const parseEnvironmentSetting = (value: unknown): EnvironmentSetting | null => {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind === 'embedded') return EMBEDDED;
  if (v.kind === 'genesys' && isRegionId(v.region) && typeof v.clientId === 'string' && v.clientId.trim() !== '') {
    return { kind: 'genesys', region: v.region, clientId: v.clientId.trim() };
  }
  return null;
};

export const resolveEnvironment = (setting: EnvironmentSetting, origin = window.location.origin): Environment => {
  if (setting.kind === 'embedded') {
    return {
      id: 'embedded',
      label: 'Embedded server',
      apiBase: '',
      loginBase: origin,
      clientId: EMBEDDED_CLIENT_ID,
      setting,
    };
  }
  const host = REGIONS[setting.region];
  return {
    id: setting.region,
    label: host,
    apiBase: `https://api.${host}`,
    loginBase: `https://login.${host}`,
    clientId: setting.clientId,
    setting,
  };
};

const readStored = (): EnvironmentSetting | null => {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? parseEnvironmentSetting(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
};

export const getEnvironmentSetting = (): EnvironmentSetting => readStored() ?? deploymentDefault;

export const getEnvironment = (): Environment => resolveEnvironment(getEnvironmentSetting());

const listeners = new Set<() => void>();

/** Stores the user's choice; listeners (the header, the session) react. */
export const setEnvironmentSetting = (setting: EnvironmentSetting): void => {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(setting));
  cachedSnapshot = null;
  listeners.forEach((l) => l());
};

export const subscribeEnvironment = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

let cachedSnapshot: { key: string; env: Environment } | null = null;
/** A stable snapshot for useSyncExternalStore. */
export const getEnvironmentSnapshot = (): Environment => {
  const env = getEnvironment();
  const key = JSON.stringify(env.setting);
  if (cachedSnapshot?.key !== key) cachedSnapshot = { key, env };
  return cachedSnapshot.env;
};

/** Test hook and deployment default: what applies when the user has chosen nothing. */
export const setDeploymentDefault = (setting: EnvironmentSetting): void => {
  deploymentDefault = setting;
  cachedSnapshot = null;
};

/**
 * Reads `/config.json` once at start. It is optional: a missing, unreadable or invalid file leaves
 * the embedded server as the default.
 */
export const loadRuntimeConfig = async (): Promise<void> => {
  try {
    const response = await rawFetch('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-cache' });
    if (!response.ok) return;
    const body = (await response.json()) as { environment?: unknown };
    const setting = parseEnvironmentSetting(body.environment);
    if (setting) setDeploymentDefault(setting);
  } catch {
    // No runtime configuration: keep the built-in default.
  }
};

/** The current environment; re-renders when the user switches. */
export const useEnvironment = (): Environment =>
  useSyncExternalStore(subscribeEnvironment, getEnvironmentSnapshot, getEnvironmentSnapshot);
