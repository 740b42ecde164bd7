import { QueryClient, skipToken } from '@tanstack/react-query';
import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPERATION_PERMISSIONS } from '@/api/generated/contract';
import type { Permission } from '../permission-names';
import {
  Can,
  canEditGroup,
  divisionsPermittedQueryOptions,
  ensurePermissions,
  GATED_PERMISSIONS,
  permissionAnswerQueryOptions,
  permittedSomewhere,
  ungrantedPermissions,
  useCan,
  useCanEditGroup,
  useMe,
  usePermissionAnswer,
} from '../permissions';
import { saveSession } from '../auth';
import { installMatchMedia, makeMe, signedInClient, TestProviders } from '@/testing/test-providers';

const saveSignedIn = () =>
  saveSession({ accessToken: 'test-token', expiresAt: null, issuedAt: Date.now(), afterUnauthorized: false });

beforeAll(installMatchMedia);
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const wrapperFor = (permissions: string[], id?: string, permitted: Permission[] = []) => {
  const queryClient = signedInClient(makeMe(permissions, id), permitted);
  return ({ children }: { children: ReactNode }) => <TestProviders queryClient={queryClient}>{children}</TestProviders>;
};

describe('useCan', () => {
  it('is true only for permissions the user holds', () => {
    const wrapper = wrapperFor(['directory:group:add', 'directory:user:view']);
    expect(renderHook(() => useCan('directory:group:add'), { wrapper }).result.current).toBe(true);
    expect(renderHook(() => useCan('directory:group:delete'), { wrapper }).result.current).toBe(false);
  });

  it('honours wildcards as Genesys does, and ignores strings that match nothing', () => {
    const wrapper = wrapperFor(['directory:group:*', 'routing:queue:view', 'nonsense']);
    expect(renderHook(() => useCan('directory:group:add'), { wrapper }).result.current).toBe(true);
    expect(renderHook(() => useCan('directory:user:view'), { wrapper }).result.current).toBe(false);
  });

  it('is false for everything when nobody is signed in', () => {
    const wrapper = wrapperFor(['directory:group:add']);
    sessionStorage.clear();
    expect(renderHook(() => useCan('directory:group:add'), { wrapper }).result.current).toBe(false);
  });

  it('useMe returns the signed-in user with its id', () => {
    const wrapper = wrapperFor([], 'abc');
    expect(renderHook(() => useMe(), { wrapper }).result.current?.id).toBe('abc');
  });
});

describe('<Can>', () => {
  it('renders its children with the permission', () => {
    render(
      <Can permission="directory:group:delete" fallback={<span>no</span>}>
        <button>Delete group</button>
      </Can>,
      { wrapper: wrapperFor(['directory:group:delete']) },
    );
    expect(screen.getByRole('button', { name: 'Delete group' })).toBeInTheDocument();
    expect(screen.queryByText('no')).not.toBeInTheDocument();
  });

  it('renders the fallback (or nothing) without it', () => {
    render(
      <Can permission="directory:group:delete">
        <button>Delete group</button>
      </Can>,
      { wrapper: wrapperFor(['directory:group:edit']) },
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText('Delete group')).not.toBeInTheDocument();
    render(
      <Can permission="directory:group:delete" fallback={<span>Read only</span>}>
        <button>Delete group</button>
      </Can>,
      { wrapper: wrapperFor([]) },
    );
    expect(screen.getByText('Read only')).toBeInTheDocument();
  });
});

describe('useCanEditGroup', () => {
  const group = { owners: [{ id: 'owner-1', version: 1 }] };

  it('allows holders of directory:group:edit', () => {
    const wrapper = wrapperFor(['directory:group:edit'], 'someone');
    expect(renderHook(() => useCanEditGroup(group), { wrapper }).result.current).toBe(true);
  });

  it('allows a wildcard that covers directory:group:edit', () => {
    const wrapper = wrapperFor(['directory:*:*'], 'someone');
    expect(renderHook(() => useCanEditGroup(group), { wrapper }).result.current).toBe(true);
  });

  it('allows an owner of the group without the permission', () => {
    const wrapper = wrapperFor(['directory:user:view'], 'owner-1');
    expect(renderHook(() => useCanEditGroup(group), { wrapper }).result.current).toBe(true);
  });

  it('refuses anyone else, and unknown groups', () => {
    const wrapper = wrapperFor(['directory:user:view', 'directory:group:add'], 'other');
    expect(renderHook(() => useCanEditGroup(group), { wrapper }).result.current).toBe(false);
    expect(canEditGroup(makeMe(['directory:user:view'], 'owner-1'), undefined)).toBe(false);
    expect(canEditGroup(undefined, group)).toBe(false);
  });
});

describe('permissions users/me does not grant: divisionspermitted', () => {
  it('asks about every permission an operation of the contract requires, and the one that shows every group', () => {
    for (const operation of Object.values(OPERATION_PERMISSIONS))
      for (const permission of operation.permissions) expect(GATED_PERMISSIONS).toContain(permission);
    expect(GATED_PERMISSIONS).toContain('directory:privateGroup:view');
    expect(new Set(GATED_PERMISSIONS).size).toBe(GATED_PERMISSIONS.length);
  });

  it('asks only about those the users/me list does not grant (wildcards, qualifiers and legacy admin read)', () => {
    expect(ungrantedPermissions(makeMe(['admin']))).toEqual([]);
    expect(ungrantedPermissions(makeMe(['*:*:*']))).toEqual([]);
    const missing = ungrantedPermissions(makeMe(['directory:*:*', 'audits:audit:view:division-1']));
    expect(missing).not.toContain('directory:group:add');
    expect(missing).not.toContain('audits:audit:view');
    expect(missing).toContain('authorization:grant:add');
    expect(ungrantedPermissions(makeMe(['group_administration']))).toEqual(GATED_PERMISSIONS);
  });

  it('reads an answer naming a division, or every division, as granted; an empty one as not', () => {
    expect(permittedSomewhere({ entities: [{ id: 'd1', name: 'Home', description: '' }], total: 1 })).toBe(true);
    expect(permittedSomewhere({ entities: [], total: 0, allDivsPermitted: true })).toBe(true);
    expect(permittedSomewhere({ entities: [], total: 0, allDivsPermitted: false })).toBe(false);
    expect(permittedSomewhere(undefined)).toBe(false);
  });

  it('shows the controls a divisionspermitted answer grants, and not the others', () => {
    const wrapper = wrapperFor(['group_administration'], 'someone', ['directory:group:edit', 'directory:group:add']);
    expect(renderHook(() => useCan('directory:group:add'), { wrapper }).result.current).toBe(true);
    expect(renderHook(() => useCan('directory:group:delete'), { wrapper }).result.current).toBe(false);
    expect(renderHook(() => useCanEditGroup({ owners: [] }), { wrapper }).result.current).toBe(true);
  });

  it('loads the user, then, when the browser is idle, asks once per ungranted permission; a failed answer grants nothing', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const asked: string[] = [];
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    vi.stubGlobal(
      'fetch',
      vi.fn((input: string) => {
        const url = new URL(input, 'http://console.test');
        if (url.pathname === '/api/v2/users/me')
          return Promise.resolve(json(200, makeMe(['directory:group:*', 'audits:audit:view'])));
        const permission = url.searchParams.get('permission') ?? '';
        asked.push(permission);
        if (permission === 'directory:user:view') return Promise.resolve(json(400, { message: 'refused' }));
        const entities = permission === 'directory:privateGroup:view' ? [{ id: 'd1', name: 'Home' }] : [];
        return Promise.resolve(json(200, { entities, total: entities.length, allDivsPermitted: false }));
      }),
    );
    try {
      saveSignedIn();
      await ensurePermissions(queryClient);
      // The first screen's own requests go first: nothing is asked before the browser is idle.
      expect(asked).toEqual([]);
      const expected = GATED_PERMISSIONS.filter((p) => !p.startsWith('directory:group:') && p !== 'audits:audit:view');
      await waitFor(() => expect(asked).toHaveLength(expected.length));
      await waitFor(() => expect(queryClient.isFetching()).toBe(0));
      expect(asked.sort()).toEqual([...expected].sort());
      await ensurePermissions(queryClient);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(asked).toHaveLength(expected.length);
      const wrapper = ({ children }: { children: ReactNode }) => (
        <TestProviders queryClient={queryClient}>{children}</TestProviders>
      );
      expect(renderHook(() => useCan('directory:privateGroup:view'), { wrapper }).result.current).toBe(true);
      expect(renderHook(() => useCan('directory:user:view'), { wrapper }).result.current).toBe(false);
      expect(renderHook(() => useCan('authorization:role:view'), { wrapper }).result.current).toBe(false);
      expect(asked).toHaveLength(expected.length);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('a page that demands a permission', () => {
  it('asks divisionspermitted about the permission it demands, and about nothing when it demands none', () => {
    const asked = permissionAnswerQueryOptions('directory:group:add', true);
    expect(asked.queryKey).toEqual(divisionsPermittedQueryOptions('directory:group:add').queryKey);
    expect(asked.enabled).toBe(true);
    expect(permissionAnswerQueryOptions('directory:group:add', false).enabled).toBe(false);
    const none = permissionAnswerQueryOptions(undefined, true);
    expect(none.enabled).toBe(false);
    expect(none.queryFn).toBe(skipToken);
    expect(JSON.stringify(none.queryKey)).not.toMatch(/:/);
  });

  it('is granted at once when it demands nothing, and asks nothing', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    try {
      const wrapper = wrapperFor(['group_administration'], 'someone');
      expect(renderHook(() => usePermissionAnswer(undefined), { wrapper }).result.current).toBe('granted');
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
