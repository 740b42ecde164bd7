import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Group } from '@/api/generated/model/group';
import { useMemberReasons } from '../use-member-reasons';

const OWNER = 'owner-1';
const group: Group = {
  id: 'g1',
  name: 'Everyone',
  type: 'official',
  visibility: 'public',
  includeOwners: true,
  rulesVisible: true,
  memberCount: 3,
  owners: [{ id: OWNER, name: 'Olive Owner', version: 1 }],
};

let fetchMock: ReturnType<typeof vi.fn>;
const individualsAsked = () =>
  fetchMock.mock.calls.filter(([input]) =>
    String(input instanceof Request ? input.url : input).includes('/individuals'),
  ).length;

beforeEach(() => {
  fetchMock = vi.fn(
    async () =>
      new Response(
        JSON.stringify({
          entities: [
            { id: 'u1', name: 'Ada' },
            { id: OWNER, name: 'Olive Owner' },
          ],
        }),
        {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        },
      ),
  );
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    {children}
  </QueryClientProvider>
);

describe('why each member is in a group without rules', () => {
  it('labels whoever is not an owner as added, without reading every individual', async () => {
    const { result } = renderHook(() => useMemberReasons(group, 'none', false, [{ id: 'u1' }, { id: 'u2' }]), {
      wrapper,
    });
    expect(result.current.reasonsFor('u1')).toEqual(['individual']);
    // A moment for a request that should not start.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(individualsAsked()).toBe(0);
  });

  it('reads the individuals when an owner is on the page, to tell whether they were added too', async () => {
    const { result } = renderHook(() => useMemberReasons(group, 'none', false, [{ id: 'u1' }, { id: OWNER }]), {
      wrapper,
    });
    expect(result.current.reasonsFor(OWNER)).toEqual([]);
    await waitFor(() => expect(result.current.reasonsFor(OWNER)).toEqual(['individual', 'owner']));
    expect(individualsAsked()).toBe(1);
  });

  it('waits to read them for the labels until it is told the rows have painted', async () => {
    const { result, rerender } = renderHook(
      ({ labelsNow }) => useMemberReasons(group, 'none', false, [{ id: 'u1' }, { id: OWNER }], labelsNow),
      { wrapper, initialProps: { labelsNow: false } },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(individualsAsked()).toBe(0);
    expect(result.current.reasonsFor(OWNER)).toEqual([]);
    rerender({ labelsNow: true });
    await waitFor(() => expect(result.current.reasonsFor(OWNER)).toEqual(['individual', 'owner']));
    expect(individualsAsked()).toBe(1);
  });

  it('reads them at once for the filter by reason, whatever the labels wait for', async () => {
    const { result } = renderHook(() => useMemberReasons(group, 'none', true, [{ id: 'u1' }], false), { wrapper });
    await waitFor(() => expect(result.current.idsWith('individual')).toEqual(['u1', OWNER]));
    expect(individualsAsked()).toBe(1);
  });

  it('reads them for the filter by reason, owner or not', async () => {
    const { result } = renderHook(() => useMemberReasons(group, 'none', true, [{ id: 'u1' }]), { wrapper });
    await waitFor(() => expect(result.current.idsWith('individual')).toEqual(['u1', OWNER]));
    expect(individualsAsked()).toBe(1);
  });
});
