import type { User } from '../../src/api/generated/model/user';
import type { Api } from './api-types';

/**
 * The demo org's data as specs use it. Personas and the named groups come from the seed itself
 * (server/src/db/seed/personas.ts), never copied: every persona signs in with PERSONA_PASSWORD.
 */
export { DEMO_GROUPS, PERSONA_PASSWORD, PERSONAS, type PersonaKey } from '../../server/src/db/seed/personas';

/** A user as the API answers it, with the fields every answer has. */
export type UserBody = User & { id: string; name: string; email: string };

/** `count` users of the org in random order, from a random page of the listing past the first (persona-free) one. */
export const someUsers = async (api: Api, count: number): Promise<UserBody[]> => {
  const page = 2 + Math.floor(Math.random() * 15);
  const users = await api.get<{ entities: UserBody[] }>(`/api/v2/users?pageSize=100&pageNumber=${page}`);
  return users.entities.sort(() => Math.random() - 0.5).slice(0, count);
};
