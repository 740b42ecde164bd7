import type { User } from '../../src/api/generated/model/user';
import type { Api } from './api-types';

/**
 * The demo org's data as specs use it. Personas and the named groups come from the seed itself
 * (server/src/db/seed/personas.ts), never copied: every persona signs in with PERSONA_PASSWORD.
 */
import { PERSONAS } from '../../server/src/db/seed/personas';
export { DEMO_GROUPS, PERSONA_PASSWORD, PERSONAS, type PersonaKey } from '../../server/src/db/seed/personas';

/** A user as the API answers it, with the fields every answer has. */
export type UserBody = User & { id: string; name: string; email: string };

const PERSONA_IDS: ReadonlySet<string> = new Set(Object.values(PERSONAS).map((persona) => persona.id));

/**
 * `count` users of the org in random order, from a random stretch of the listing past the first page
 * (pages of 100, as many as `count` needs), never a persona: the listing is by name, so personas sit
 * among the others, and a spec that gives its users roles or groups must not change what a persona
 * may do in the specs that sign in as one (the shared server keeps it). No two of them share a name.
 */
export const someUsers = async (api: Api, count: number): Promise<UserBody[]> => {
  const users = new Map<string, UserBody>();
  for (let page = 2 + Math.floor(Math.random() * 10); users.size < count; page += 1) {
    const listing = await api.get<{ entities: UserBody[] }>(`/api/v2/users?pageSize=100&pageNumber=${page}`);
    // One person per name: specs find people by name, and the demo org has namesakes (a second
    // "Heather Chavez", heather.chavez2@…), which made two rows answer to one name.
    for (const user of listing.entities)
      if (!PERSONA_IDS.has(user.id) && !users.has(user.name)) users.set(user.name, user);
  }
  return [...users.values()].sort(() => Math.random() - 0.5).slice(0, count);
};
