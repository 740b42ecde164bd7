import { describe, expect, it, vi } from 'vitest';
import { chunkIds, isVersionMismatch, runMembershipBatches, type MembershipApi } from '../batch-membership';

class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i + 1}`);

/** A fake group that checks versions like the server: each accepted batch raises the version. */
const fakeGroup = (startVersion: number) => {
  const state = { version: startVersion, members: new Set<string>() };
  const api: MembershipApi = {
    fetchVersion: vi.fn(async () => state.version),
    send: vi.fn(async (batch: string[], version: number) => {
      if (batch.length > 50) throw new FakeApiError(400, 'too many ids');
      if (version !== state.version) throw new FakeApiError(409, `version ${version} does not match ${state.version}`);
      batch.forEach((id) => state.members.add(id));
      state.version += 1;
    }),
  };
  return { state, api };
};

describe('chunkIds', () => {
  it('splits into batches of at most 50 and removes duplicates and blanks', () => {
    const chunks = chunkIds([...ids(120), 'u1', '']);
    expect(chunks.map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunks.flat()).toEqual(ids(120));
  });
  it('returns no batches for no ids', () => {
    expect(chunkIds([])).toEqual([]);
  });
});

describe('isVersionMismatch', () => {
  it('recognises 409 and the 400 version message only', () => {
    expect(isVersionMismatch(new FakeApiError(409, 'conflict'))).toBe(true);
    expect(isVersionMismatch(new FakeApiError(400, 'Version 3 does not match the current version 4'))).toBe(true);
    expect(isVersionMismatch(new FakeApiError(400, 'unknown user ids'))).toBe(false);
    expect(isVersionMismatch(new FakeApiError(403, 'forbidden'))).toBe(false);
    expect(isVersionMismatch('nope')).toBe(false);
  });
});

describe('runMembershipBatches', () => {
  it('sends every batch with the running version and reports progress', async () => {
    const { state, api } = fakeGroup(7);
    const progress = vi.fn();
    const result = await runMembershipBatches({ ids: ids(120), api, initialVersion: 7, onProgress: progress });
    expect(result).toEqual({ doneIds: ids(120), failedIds: [], conflicts: 0 });
    expect(state.members.size).toBe(120);
    expect(vi.mocked(api.send).mock.calls.map(([batch, v]) => [batch.length, v])).toEqual([
      [50, 7],
      [50, 8],
      [20, 9],
    ]);
    expect(api.fetchVersion).not.toHaveBeenCalled();
    expect(progress).toHaveBeenLastCalledWith({ done: 3, total: 3, processedIds: 120, retrying: false });
  });

  it('reads the version first when none is given', async () => {
    const { api } = fakeGroup(3);
    await runMembershipBatches({ ids: ids(2), api });
    expect(api.fetchVersion).toHaveBeenCalledTimes(1);
    expect(api.send).toHaveBeenCalledWith(['u1', 'u2'], 3);
  });

  it('re-reads the group and retries a batch once after a 409', async () => {
    const { state, api } = fakeGroup(5);
    state.version = 9; // changed behind the page's back
    const progress = vi.fn();
    const result = await runMembershipBatches({ ids: ids(60), api, initialVersion: 5, onProgress: progress });
    expect(result.failedIds).toEqual([]);
    expect(result.conflicts).toBe(1);
    expect(api.fetchVersion).toHaveBeenCalledTimes(1);
    expect(vi.mocked(api.send).mock.calls.map(([, v]) => v)).toEqual([5, 9, 10]);
    expect(progress).toHaveBeenCalledWith(expect.objectContaining({ done: 0, retrying: true }));
  });

  it('gives up when the retry conflicts again, keeping what was done', async () => {
    const { api } = fakeGroup(1);
    let calls = 0;
    vi.mocked(api.send).mockImplementation(async () => {
      calls += 1;
      if (calls >= 2) throw new FakeApiError(409, 'conflict');
    });
    const result = await runMembershipBatches({ ids: ids(75), api, initialVersion: 1 });
    expect(result.doneIds).toEqual(ids(50));
    expect(result.failedIds).toEqual(ids(75).slice(50));
    expect(result.conflicts).toBe(1);
    expect((result.error as FakeApiError).status).toBe(409);
    expect(api.send).toHaveBeenCalledTimes(3);
  });

  it('does not retry other errors', async () => {
    const { api } = fakeGroup(1);
    vi.mocked(api.send).mockRejectedValue(new FakeApiError(403, 'forbidden'));
    const result = await runMembershipBatches({ ids: ids(3), api, initialVersion: 1 });
    expect(api.send).toHaveBeenCalledTimes(1);
    expect(api.fetchVersion).not.toHaveBeenCalled();
    expect(result.failedIds).toEqual(ids(3));
  });

  it('stops before the next batch when cancelled', async () => {
    const { api } = fakeGroup(1);
    const controller = new AbortController();
    vi.mocked(api.send).mockImplementation(async () => controller.abort());
    const result = await runMembershipBatches({ ids: ids(120), api, initialVersion: 1, signal: controller.signal });
    expect(api.send).toHaveBeenCalledTimes(1);
    expect(result.doneIds).toHaveLength(50);
    expect(result.failedIds).toHaveLength(70);
  });
});
