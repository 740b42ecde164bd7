import { expect, type Page, type Response } from '@playwright/test';

/** Helpers of the rate-limit specs, which run a dedicated server with a low per-token limit. */

/** Spends the token's budget; returns the Retry-After of the first 429. */
export const exhaust = async (baseURL: string, token: string, limit: number): Promise<number> => {
  for (let i = 0; i <= limit; i += 1) {
    const response = await fetch(`${baseURL}/api/v2/tokens/me`, { headers: { Authorization: `Bearer ${token}` } });
    await response.body?.cancel();
    if (response.status === 429) return Number(response.headers.get('Retry-After'));
    expect(response.status).toBe(200);
  }
  throw new Error(`no 429 after ${limit + 1} requests`);
};

/** Collects the page's answers to GET the group, in order. */
export const groupResponses = (page: Page, groupId: string) => {
  const seen: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === `/api/v2/groups/${groupId}` && response.request().method() === 'GET')
      seen.push(response);
  });
  return seen;
};
