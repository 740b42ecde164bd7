import { cleanup, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Can, canEditGroup, useCan, useCanEditGroup, useMe } from '../permissions';
import { installMatchMedia, makeMe, signedInClient, TestProviders } from '@/testing/test-providers';

beforeAll(installMatchMedia);
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const wrapperFor = (permissions: string[], id?: string) => {
  const queryClient = signedInClient(makeMe(permissions, id));
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
