import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '@/lib/environment';
import { aboutRows, aboutText } from '../about-details';

const build = { version: '1.2.3', commit: 'abcdef0123456789abcdef0123456789abcdef01' };
const ORIGIN = 'http://127.0.0.1:8080';
const value = (rows: { label: string; value: string }[], label: string) => rows.find((r) => r.label === label)?.value;

describe('the About details', () => {
  it("name the embedded server and its /version answer, and the user's org", () => {
    const rows = aboutRows({
      build,
      environment: resolveEnvironment({ kind: 'embedded' }, ORIGIN),
      origin: ORIGIN,
      server: { version: '1.2.3', commit: null, node: 'v24.21.0' },
      organization: { id: 'org-1', name: 'Demo Org' },
      user: { name: 'Avery Adams', email: 'admin@example.com' },
    });
    expect(value(rows, 'Console version')).toBe('1.2.3');
    expect(value(rows, 'Console commit')).toBe(build.commit);
    expect(value(rows, 'API')).toBe('Embedded Groups API server at 127.0.0.1:8080');
    expect(value(rows, 'Server version')).toBe('1.2.3');
    expect(value(rows, 'Server commit')).toBe('unknown');
    expect(value(rows, 'Server Node')).toBe('v24.21.0');
    expect(value(rows, 'Organization')).toBe('Demo Org (org-1)');
    expect(aboutText(rows)).toBe(
      [
        'Groups Console',
        'Console version: 1.2.3',
        `Console commit: ${build.commit}`,
        'API: Embedded Groups API server at 127.0.0.1:8080',
        'Server version: 1.2.3',
        'Server commit: unknown',
        'Server Node: v24.21.0',
        'Organization: Demo Org (org-1)',
        'Signed in as: admin@example.com',
      ].join('\n'),
    );
  });

  it('say why the server version is missing while it loads or when it failed', () => {
    const environment = resolveEnvironment({ kind: 'embedded' }, ORIGIN);
    expect(value(aboutRows({ build, environment, origin: ORIGIN }), 'Server version')).toBe('Loading…');
    expect(
      value(aboutRows({ build, environment, origin: ORIGIN, serverError: 'Could not be read: x' }), 'Server Node'),
    ).toBe('Could not be read: x');
  });

  it("name a real org's region and API host, and no server version", () => {
    const rows = aboutRows({
      build: { version: '1.2.3', commit: null },
      environment: resolveEnvironment({ kind: 'genesys', region: 'eu_west_1', clientId: 'c' }, ORIGIN),
      origin: ORIGIN,
      organization: { id: 'org-9' },
    });
    expect(value(rows, 'Console commit')).toBe('unknown');
    expect(value(rows, 'API')).toBe('Genesys Cloud, region eu_west_1');
    expect(value(rows, 'API host')).toBe('api.mypurecloud.ie');
    expect(value(rows, 'Server version')).toBeUndefined();
    expect(value(rows, 'Organization')).toBe('org-9');
  });
});
