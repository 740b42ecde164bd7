import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConfigErrorPage } from '@/components/feedback/config-error-page';
import schemaJson from '../../../public/config.schema.json';
import { DeploymentConfigError, isValidDeploymentConfig, REGIONS } from '../deployment-config';
import {
  getEnvironment,
  isEnvironmentPinned,
  loadRuntimeConfig,
  setDeploymentDefault,
  setEnvironmentSetting,
} from '../environment';
import { LOCALE, setDeploymentLanguage, UI_LANGUAGES } from '../locale';

const schema = schemaJson as unknown as {
  properties: { environment: { oneOf: { properties: { region?: { enum: string[] } } }[] } };
};
const validate = new Ajv2020({ strict: false }).compile(schema);

afterEach(() => {
  localStorage.clear();
  setDeploymentDefault({ kind: 'embedded' });
  vi.unstubAllGlobals();
});

const serve = (status: number, body: string) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })),
  );

const SAMPLES: [string, unknown][] = [
  ['embedded', { environment: { kind: 'embedded' } }],
  ['a region, pinned', { environment: { kind: 'genesys', region: 'eu_west_1', clientId: 'abc' }, pinned: true }],
  [
    'custom URLs',
    {
      $schema: './config.schema.json',
      environment: {
        kind: 'custom',
        apiBase: 'https://api.example.com',
        loginBase: 'http://127.0.0.1:9',
        clientId: 'c',
      },
    },
  ],
  ['an unknown region', { environment: { kind: 'genesys', region: 'mars_1', clientId: 'abc' } }],
  ['no client id', { environment: { kind: 'genesys', region: 'eu_west_1' } }],
  ['an empty client id', { environment: { kind: 'genesys', region: 'eu_west_1', clientId: '' } }],
  [
    'an API URL with a path',
    { environment: { kind: 'custom', apiBase: 'https://x.com/api', loginBase: 'https://x.com', clientId: 'c' } },
  ],
  [
    'a trailing slash',
    { environment: { kind: 'custom', apiBase: 'https://x.com/', loginBase: 'https://x.com', clientId: 'c' } },
  ],
  ['an unknown kind', { environment: { kind: 'other' } }],
  ['an unknown key', { environment: { kind: 'embedded' }, region: 'eu_west_1' }],
  ['pinned not a boolean', { environment: { kind: 'embedded' }, pinned: 'yes' }],
  ['a default language', { environment: { kind: 'embedded' }, language: 'pt-BR' }],
  ['a language the console does not speak', { environment: { kind: 'embedded' }, language: 'fr' }],
  ['a language not a string', { environment: { kind: 'embedded' }, language: 1 }],
  ['no environment', {}],
  [
    'custom URLs with a label',
    {
      environment: {
        kind: 'custom',
        apiBase: 'https://api.example.com',
        loginBase: 'https://login.example.com',
        clientId: 'c',
        label: 'Staging',
      },
      pinned: false,
    },
  ],
  [
    'a label too long',
    {
      environment: {
        kind: 'custom',
        apiBase: 'https://api.example.com',
        loginBase: 'https://login.example.com',
        clientId: 'c',
        label: 'x'.repeat(81),
      },
    },
  ],
  ['a client id not a string', { environment: { kind: 'genesys', region: 'eu_west_1', clientId: 7 } }],
  ['an unknown key in the environment', { environment: { kind: 'embedded', region: 'eu_west_1' } }],
  ['an environment that is not an object', { environment: 'embedded' }],
  ['not an object', [{ environment: { kind: 'embedded' } }]],
  ['null', null],
];

describe('config.json', () => {
  it.each(SAMPLES)('JSON Schema and console agree on %s', (_name, sample) => {
    expect(validate(sample)).toBe(isValidDeploymentConfig(sample));
  });

  it('the JSON Schema lists exactly the console’s languages', () => {
    expect(schemaJson.properties.language.enum).toEqual([...UI_LANGUAGES]);
  });

  it('a default language becomes the page’s language for a user who chose none', async () => {
    serve(200, JSON.stringify({ environment: { kind: 'embedded' }, language: 'de' }));
    try {
      await loadRuntimeConfig();
      expect(LOCALE).toBe('de');
    } finally {
      setDeploymentLanguage(undefined);
    }
    expect(LOCALE).toBe('en-US');
  });

  it('the JSON Schema lists exactly the console’s regions', () => {
    const regions = schema.properties.environment.oneOf.flatMap((b) => b.properties.region?.enum ?? []);
    expect(regions.sort()).toEqual(Object.keys(REGIONS).sort());
  });

  it('a missing file leaves the embedded server', async () => {
    serve(404, 'not found');
    await loadRuntimeConfig();
    expect(getEnvironment().id).toBe('embedded');
    expect(isEnvironmentPinned()).toBe(false);
  });

  it('a custom API and login base are used as they are', async () => {
    serve(
      200,
      JSON.stringify({
        environment: {
          kind: 'custom',
          apiBase: 'https://api.example.com',
          loginBase: 'https://login.example.com',
          clientId: 'c1',
        },
      }),
    );
    await loadRuntimeConfig();
    expect(getEnvironment()).toMatchObject({
      label: 'api.example.com',
      apiBase: 'https://api.example.com',
      loginBase: 'https://login.example.com',
      clientId: 'c1',
    });
  });

  it('a pinned environment wins over the user’s saved choice, which cannot be changed', async () => {
    localStorage.setItem('groups-console.environment', JSON.stringify({ kind: 'embedded' }));
    serve(
      200,
      JSON.stringify({ environment: { kind: 'genesys', region: 'eu_west_1', clientId: 'org' }, pinned: true }),
    );
    await loadRuntimeConfig();
    expect(isEnvironmentPinned()).toBe(true);
    expect(getEnvironment()).toMatchObject({ id: 'eu_west_1', clientId: 'org' });
    expect(() => setEnvironmentSetting({ kind: 'embedded' })).toThrow(/pins/);
    expect(getEnvironment().id).toBe('eu_west_1');
  });

  it('an invalid file stops the start with every problem named', async () => {
    serve(200, JSON.stringify({ environment: { kind: 'genesys', region: 'mars_1', clientId: ' ' }, pinned: 'yes' }));
    const error = await loadRuntimeConfig().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeploymentConfigError);
    const problems = (error as DeploymentConfigError).describeProblems().join('\n');
    expect(problems).toMatch(/environment\.region: region must be one of/);
    expect(problems).toMatch(/environment\.clientId: clientId must not be empty/);
    expect(problems).toMatch(/pinned: pinned must be true or false/);
  });

  it('a file that is not JSON is reported as such', async () => {
    serve(200, '{ "environment": ');
    const error = await loadRuntimeConfig().catch((e: unknown) => e);
    expect((error as DeploymentConfigError).describeProblems()).toEqual(['it is not valid JSON']);
  });

  it('a page answered in place of the file (a static host’s fallback) is named as such', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } })),
    );
    const error = await loadRuntimeConfig().catch((e: unknown) => e);
    expect((error as DeploymentConfigError).describeProblems()).toEqual([
      expect.stringMatching(/is config\.json missing from the deployment/),
    ]);
  });

  const key = '<b>bad</b>';
  const markupError = () =>
    new DeploymentConfigError('/config.json', [{ path: 'environment', message: msg`Unrecognized key: "${key}"` }]);

  it('the error page shows the problems as text', () => {
    const root = document.createElement('div');
    renderConfigErrorPage(root, markupError());
    expect(root.querySelector('h1')?.textContent).toMatch(/configuration is not valid/);
    expect(root.querySelector('li')?.textContent).toBe('environment: Unrecognized key: "<b>bad</b>"');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(document.title).toBe('Configuration error · Groups Console');
  });

  it('the error page, asked for before the language is active, is drawn once it is', () => {
    const { locale, locales } = i18n;
    const messages = i18n.messages;
    const root = document.createElement('div');
    root.textContent = 'Loading';
    try {
      i18n.loadAndActivate({ locale: '', messages: {} });
      expect(() => renderConfigErrorPage(root, markupError())).not.toThrow();
      expect(root.textContent).toBe('Loading');
    } finally {
      i18n.loadAndActivate({ locale, locales, messages });
    }
    expect(root.querySelector('h1')?.textContent).toMatch(/configuration is not valid/);
    expect(root.querySelector('li')?.textContent).toBe('environment: Unrecognized key: "<b>bad</b>"');
  });
});
