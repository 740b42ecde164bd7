/**
 * What the server suites share: unique group names, the ApiError a domain call throws, the shapes of groups and users in answers, the
 * callers of in-process domain tests, and every persona's and client's token for HTTP tests.
 */
import { expect } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { ApiError } from '../../src/contract/errors.js';
import { PERSONAS, type PersonaKey } from '../../src/db/seed/personas.js';
import type { TestServer } from './server.js';

let counter = 0;
/** A group name no other test (nor another run on the same database) uses. */
export const uniqueName = (prefix: string): string => `${prefix} ${process.pid}-${Date.now()}-${++counter}`;

/** A Group as answers carry it (the fields tests read). */
export interface GroupBody {
  id: string;
  name: string;
  description?: string;
  type: string;
  visibility: string;
  rulesVisible: boolean;
  includeOwners?: boolean;
  version: number;
  memberCount: number;
  state?: string;
  dateModified?: string;
  owners?: Array<{ id: string; name?: string; selfUri?: string }>;
  selfUri?: string;
}

/** A User as answers carry it. */
export interface UserBody {
  id: string;
  name: string;
  email?: string;
  [key: string]: unknown;
}

const NEVER = '2100-01-01T00:00:00.000Z';

/** A persona's caller, as a token of the console client resolves to (for domain functions called directly). */
export const personaCaller = (key: PersonaKey): Caller => ({
  kind: 'user',
  userId: PERSONAS[key].id,
  clientId: 'groups-console',
  permissions: new Set(PERSONAS[key].permissions),
  token: `t-${key}`,
  expiresAt: NEVER,
});

/** A client-credentials caller holding `permissions`. */
export const clientCaller = (permissions: readonly string[], clientId = 'demo-viewer'): Caller => ({
  kind: 'client',
  userId: null,
  clientId,
  permissions: new Set(permissions),
  token: `t-${clientId}`,
  expiresAt: NEVER,
});

export type TokenHolder = PersonaKey | 'adminClient' | 'viewerClient';

/** A token for every persona and for both client-credentials clients. */
export function allTokens(server: TestServer): Record<TokenHolder, string> {
  const tokens = {} as Record<TokenHolder, string>;
  for (const persona of Object.keys(PERSONAS) as PersonaKey[]) tokens[persona] = server.tokenFor(persona);
  tokens.adminClient = server.clientToken('demo-admin');
  tokens.viewerClient = server.clientToken('demo-viewer');
  return tokens;
}

/** The ApiError `fn` throws (the test fails when it throws something else, or nothing). */
export function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
}
