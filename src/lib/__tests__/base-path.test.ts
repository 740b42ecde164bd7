import { describe, expect, it } from 'vitest';
import { basePathTools } from '../base-path';

describe('base path', () => {
  it('at the root, paths are the router’s as they are', () => {
    const { basePath, routerPath, absoluteUrl } = basePathTools('/');
    expect(basePath).toBe('');
    expect(routerPath('/groups/1')).toBe('/groups/1');
    expect(absoluteUrl('/auth/callback', 'https://console.example.com')).toBe(
      'https://console.example.com/auth/callback',
    );
  });

  it('under a sub-path, the router’s paths drop it and absolute URLs carry it', () => {
    const { basePath, routerPath, absoluteUrl } = basePathTools('/groups-console/');
    expect(basePath).toBe('/groups-console');
    expect(routerPath('/groups-console/groups/1')).toBe('/groups/1');
    expect(routerPath('/groups-console')).toBe('/');
    expect(routerPath('/groups-console/')).toBe('/');
    expect(routerPath('/groups-consoleX/groups')).toBe('/groups-consoleX/groups');
    expect(absoluteUrl('/auth/callback', 'https://intranet.example.com')).toBe(
      'https://intranet.example.com/groups-console/auth/callback',
    );
  });
});
