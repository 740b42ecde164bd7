import { afterEach, describe, expect, it } from 'vitest';
import {
  getEnvironment,
  parseEnvironmentSetting,
  REGIONS,
  resolveEnvironment,
  setDeploymentDefault,
  setEnvironmentSetting,
  subscribeEnvironment,
} from '../environment';

afterEach(() => {
  localStorage.clear();
  setDeploymentDefault({ kind: 'embedded' });
});

describe('environments', () => {
  it('default to the embedded server on the same origin', () => {
    const env = getEnvironment();
    expect(env).toMatchObject({
      id: 'embedded',
      label: 'Embedded server',
      apiBase: '',
      loginBase: window.location.origin,
      clientId: 'groups-console',
    });
  });

  it('map a region to its API and login hosts', () => {
    const env = resolveEnvironment({ kind: 'genesys', region: 'eu_west_1', clientId: 'client-1' });
    expect(env).toMatchObject({
      id: 'eu_west_1',
      label: 'mypurecloud.ie',
      apiBase: 'https://api.mypurecloud.ie',
      loginBase: 'https://login.mypurecloud.ie',
      clientId: 'client-1',
    });
    expect(resolveEnvironment({ kind: 'genesys', region: 'eusc_de_east_1', clientId: 'c' }).apiBase).toBe(
      'https://api.edee1.eusc-pure.cloud',
    );
  });

  it('know every region of the SDK', () => {
    expect(Object.keys(REGIONS)).toHaveLength(18);
    expect(REGIONS.us_east_2).toBe('use2.us-gov-pure.cloud');
  });

  it('reject invalid settings', () => {
    expect(parseEnvironmentSetting({ kind: 'genesys', region: 'mars_1', clientId: 'x' })).toBeNull();
    expect(parseEnvironmentSetting({ kind: 'genesys', region: 'eu_west_1', clientId: '  ' })).toBeNull();
    expect(parseEnvironmentSetting('embedded')).toBeNull();
    expect(parseEnvironmentSetting({ kind: 'genesys', region: 'eu_west_1', clientId: ' id ' })).toEqual({
      kind: 'genesys',
      region: 'eu_west_1',
      clientId: 'id',
    });
  });

  it('keep the user choice in localStorage and tell subscribers', () => {
    let calls = 0;
    const unsubscribe = subscribeEnvironment(() => calls++);
    setEnvironmentSetting({ kind: 'genesys', region: 'ap_southeast_2', clientId: 'abc' });
    unsubscribe();
    expect(calls).toBe(1);
    expect(JSON.parse(localStorage.getItem('groups-console.environment')!)).toMatchObject({ region: 'ap_southeast_2' });
    expect(getEnvironment().label).toBe('mypurecloud.com.au');
  });

  it('let a deployment set the default, which the user choice overrides', () => {
    setDeploymentDefault({ kind: 'genesys', region: 'eu_central_1', clientId: 'deploy' });
    expect(getEnvironment().label).toBe('mypurecloud.de');
    setEnvironmentSetting({ kind: 'embedded' });
    expect(getEnvironment().id).toBe('embedded');
  });

  it('ignore a corrupt stored value', () => {
    localStorage.setItem('groups-console.environment', '{not json');
    expect(getEnvironment().id).toBe('embedded');
  });
});
