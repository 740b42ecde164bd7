/**
 * The org's fixed catalogue: ids of divisions, skills, languages, offices, teams and presence
 * definitions, the same for every seed (the API answers presence definitions from it).
 */
import { Rng } from './seed/prng.js';
import {
  DEPARTMENTS,
  DIVISIONS,
  LANGUAGES,
  OFFICES,
  ROUTING_SKILLS,
  SYSTEM_PRESENCES,
  TEAM_NAMES,
} from './seed/words.js';

/** Fixed ids of skills, languages, divisions, offices and teams (independent of the user count). */
export function catalogue() {
  const rng = new Rng(0xc0ffee);
  return {
    divisions: DIVISIONS.map((name) => ({ id: rng.uuid(), name })),
    routingSkills: ROUTING_SKILLS.map((name) => ({ id: rng.uuid(), name })),
    languages: LANGUAGES.map((name) => ({ id: rng.uuid(), name })),
    offices: OFFICES.map((o) => ({ ...o, id: rng.uuid(), floorplanId: rng.uuid() })),
    teams: DEPARTMENTS.flatMap((d) => TEAM_NAMES.map((t) => ({ id: rng.uuid(), name: `${d.name} ${t}` }))),
    presenceDefinitions: SYSTEM_PRESENCES.map((p) => ({ id: rng.uuid(), systemPresence: p })),
  };
}
