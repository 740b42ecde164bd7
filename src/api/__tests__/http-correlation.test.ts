import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors';
import { apiRequest } from '../http';

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const failWith = async (response: Response): Promise<ApiError> => {
  fetchMock.mockResolvedValueOnce(response);
  const error: unknown = await apiRequest({ url: '/api/v2/groups/x', method: 'GET' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

describe('the correlation id of an error', () => {
  it('comes from the ININ-Correlation-Id header', async () => {
    const error = await failWith(
      new Response(JSON.stringify({ status: 500, code: 'internal.server.error', contextId: 'body-id' }), {
        status: 500,
        headers: { 'ININ-Correlation-Id': 'header-id' },
      }),
    );
    expect(error.correlationId).toBe('header-id');
    expect(error.status).toBe(500);
  });

  it("falls back to the ErrorBody's contextId when the header cannot be read (a cross-origin API)", async () => {
    const error = await failWith(new Response(JSON.stringify({ status: 404, contextId: 'body-id' }), { status: 404 }));
    expect(error.correlationId).toBe('body-id');
  });

  it('is null for an answer with neither, and for a network error', async () => {
    expect((await failWith(new Response('Bad gateway', { status: 502 }))).correlationId).toBeNull();
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const offline: unknown = await apiRequest({ url: '/api/v2/groups', method: 'GET' }).catch((e: unknown) => e);
    expect((offline as ApiError).correlationId).toBeNull();
  });
});
