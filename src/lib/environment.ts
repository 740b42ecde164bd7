import { msg, t } from '@lingui/core/macro';
import { useSyncExternalStore } from 'react';
import { rawFetch } from '@/api/http';
import { BASE_PATH } from './base-path';
import { setDeploymentLanguage } from './locale';
import {
  checkEnvironmentSetting,
  parseDeploymentConfig,
  DeploymentConfigError,
  REGIONS,
  type EnvironmentSetting,
  type RegionId,
} from './deployment-config';

/**
 * Where the console talks to: the embedded server that served it (the default), a real Genesys
 * Cloud org in one of its regions with an OAuth client of that org, or any API and login base URL
 * (`custom`, e.g. a proxy or a test server).
 *
 * The user's choice lives in localStorage. A deployment sets the default in `config.json` beside
 * index.html (format: deployment-config.ts and public/config.schema.json), read once at start; with
 * `"pinned": true` the deployment's environment is the only one and the user's choice is ignored.
 */

export { REGIONS, type RegionId, type EnvironmentSetting } from './deployment-config';

export const isRegionId = (value: unknown): value is RegionId =>
  typeof value === 'string' && Object.hasOwn(REGIONS, value);

export const EMBEDDED_CLIENT_ID = 'groups-console';

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
let pinned = false;

/** Parses an unknown value into a setting, or null when it is not a valid one. */
export const parseEnvironmentSetting = (value: unknown): EnvironmentSetting | null => checkEnvironmentSetting(value);

export const resolveEnvironment = (setting: EnvironmentSetting, origin = window.location.origin): Environment => {
  if (setting.kind === 'embedded') {
    return {
      id: 'embedded',
      // Read when shown (at render time): an environment is also resolved before the language is active.
      get label() {
        return t`Embedded server`;
      },
      apiBase: '',
      loginBase: origin,
      clientId: EMBEDDED_CLIENT_ID,
      setting,
    };
  }
  if (setting.kind === 'custom') {
    return {
      id: `custom:${setting.apiBase}`,
      label: setting.label ?? new URL(setting.apiBase).host,
      apiBase: setting.apiBase,
      loginBase: setting.loginBase,
      clientId: setting.clientId,
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

export const getEnvironmentSetting = (): EnvironmentSetting =>
  pinned ? deploymentDefault : (readStored() ?? deploymentDefault);

/** The deployment's environment (config.json), whatever the user chose. */
export const getDeploymentDefault = (): EnvironmentSetting => deploymentDefault;

/** Whether the deployment pinned its environment (Settings shows it read-only). */
export const isEnvironmentPinned = (): boolean => pinned;

export const getEnvironment = (): Environment => resolveEnvironment(getEnvironmentSetting());

const listeners = new Set<() => void>();

/** Stores the user's choice; listeners (the header, the session) react. */
export const setEnvironmentSetting = (setting: EnvironmentSetting): void => {
  if (pinned) throw new Error('This deployment pins its environment.');
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

/**
 * Test hook and deployment default: what applies when the user has chosen nothing (or always, when
 * `isPinned`).
 */
export const setDeploymentDefault = (setting: EnvironmentSetting, isPinned = false): void => {
  deploymentDefault = setting;
  pinned = isPinned;
  cachedSnapshot = null;
};

/**
 * Reads `config.json` (beside index.html) once at start. A missing file (404), or one the network
 * could not fetch, leaves the embedded server as the default; a file that is there but not valid
 * JSON or not a valid configuration throws DeploymentConfigError, and the console shows what is
 * wrong instead of starting against the wrong place.
 */
export const loadRuntimeConfig = async (): Promise<void> => {
  const url = `${BASE_PATH}/config.json`;
  let response: Response;
  try {
    response = await rawFetch(url, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
  } catch {
    return; // No runtime configuration reachable: keep the built-in default.
  }
  if (response.status === 404) return;
  const status = response.status;
  if (!response.ok) throw new DeploymentConfigError(url, [{ path: '', message: msg`the server answered ${status}` }]);
  if ((response.headers.get('Content-Type') ?? '').startsWith('text/html'))
    throw new DeploymentConfigError(url, [
      {
        path: '',
        message: msg`the server answered with a page, not JSON: is config.json missing from the deployment (a fallback to index.html answered for it)?`,
      },
    ]);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new DeploymentConfigError(url, [{ path: '', message: msg`it is not valid JSON` }]);
  }
  const config = parseDeploymentConfig(body, url);
  setDeploymentDefault(config.environment, config.pinned);
  // Before the first render, which waits for the language (main.tsx).
  setDeploymentLanguage(config.language);
};

/** The current environment; re-renders when the user switches. */
export const useEnvironment = (): Environment =>
  useSyncExternalStore(subscribeEnvironment, getEnvironmentSnapshot, getEnvironmentSnapshot);
