/** Helpers the seeds use to assemble groups while respecting the membership limits. */
import { MembershipLimits, SEED_NOW, type GroupSeed } from './people.js';
import type { Rng } from './prng.js';

const DAY = 86_400_000;

export type GroupInput = Partial<Omit<GroupSeed, 'id' | 'name' | 'type'>> & Pick<GroupSeed, 'id' | 'name' | 'type'>;

export class GroupBuilder {
  readonly groups: GroupSeed[] = [];
  readonly limits = new MembershipLimits();
  private readonly names = new Set<string>();

  constructor(private readonly rng: Rng) {}

  has(name: string): boolean {
    return this.names.has(name.toLowerCase());
  }

  /** Adds a group; individuals (and owners when includeOwners) beyond a user's group limit are left out. */
  add(input: GroupInput): GroupSeed {
    const rng = this.rng;
    const includeOwners = input.includeOwners ?? false;
    const owners = [...new Set(input.owners ?? [])];
    const individuals = [...new Set(input.individuals ?? [])];
    const candidates = new Set(individuals);
    if (includeOwners) for (const o of owners) candidates.add(o);
    const admitted = new Set(this.limits.admit(input.type, candidates));
    const group: GroupSeed = {
      description: null,
      visibility: 'public',
      rulesVisible: true,
      rolesEnabled: false,
      callsEnabled: false,
      email: null,
      addresses: [],
      version: rng.int(1, 6),
      dateModified: rng.date(SEED_NOW - 400 * DAY, SEED_NOW - DAY),
      ...input,
      includeOwners,
      owners: includeOwners ? owners.filter((o) => admitted.has(o)) : owners,
      individuals: individuals.filter((m) => admitted.has(m)),
    };
    this.groups.push(group);
    this.names.add(group.name.toLowerCase());
    return group;
  }

  /** A GROUPRING/GROUPPHONE contact for a group phone. */
  phone(): Array<Record<string, string>> {
    const rng = this.rng;
    const n = `${rng.int(200, 989)}${rng.int(200, 999)}${rng.int(1000, 9999)}`;
    return [
      {
        address: `+1${n}`,
        display: `+1 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
        type: rng.chance(0.5) ? 'GROUPRING' : 'GROUPPHONE',
        mediaType: 'PHONE',
        ...(rng.chance(0.3) ? { extension: String(rng.int(100, 999)) } : {}),
      },
    ];
  }
}
