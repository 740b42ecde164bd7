import { t } from '@lingui/core/macro';
import type { Group } from '@/api/generated/model/group';
import type { GroupCreate } from '@/api/generated/model/groupCreate';
import type { User } from '@/api/generated/model/user';
import { changeGroup, SETTLED, type MembershipCalls, type RunOptions } from '../core/transfer';
import { propertyLabel } from '../core/group-vocabulary';
import type { ImportLineProblem, ImportRow } from './groups-csv';

/** What the dry run found for one line of the file. */
export type PlanStatus = 'create' | 'invalid' | 'exists' | 'unchanged';

export interface PlanLine {
  line: number;
  name: string;
  status: PlanStatus;
  problems: string[];
  row?: ImportRow;
  ownerIds: string[];
  memberIds: string[];
}

/** The properties of an existing group that differ from a line of the file (owners compared by id). */
export const differences = (group: Group, row: ImportRow, ownerIds: readonly string[]): string[] => {
  const owners = new Set((group.owners ?? []).map((o) => o.id));
  const out: string[] = [];
  if ((group.description ?? '') !== row.description) out.push(propertyLabel('description'));
  if (group.type !== row.type) out.push(propertyLabel('type'));
  if (group.visibility !== row.visibility) out.push(propertyLabel('visibility'));
  if ((group.rulesVisible !== false) !== row.rulesVisible) out.push(propertyLabel('rulesVisible'));
  if (owners.size !== ownerIds.length || ownerIds.some((id) => !owners.has(id))) out.push(propertyLabel('owners'));
  if (row.memberEmails.length) out.push(propertyLabel('members'));
  return out;
};

/**
 * The dry run: each valid row becomes "create" unless a group of that name exists (ignoring case) or
 * one of its owners or members is not a known user; invalid rows keep their problems. A group that
 * exists is "unchanged" when the line says what it already is (as when a view is exported and imported
 * back), else "exists", naming what differs; the import changes neither.
 */
export const buildImportPlan = (
  rows: readonly ImportRow[],
  invalid: readonly ImportLineProblem[],
  existing: ReadonlyMap<string, Group> | ReadonlySet<string>,
  usersByEmail: ReadonlyMap<string, User>,
  knownUserIds: ReadonlySet<string> = new Set(),
): PlanLine[] => {
  const lines: PlanLine[] = invalid.map((p) => ({ ...p, status: 'invalid', ownerIds: [], memberIds: [] }));
  for (const row of rows) {
    const problems: string[] = [];
    const knownIds = (ids: readonly string[]) =>
      ids.filter((id) => {
        if (!knownUserIds.has(id)) problems.push(t`Owner ${id} is not a known user.`);
        return knownUserIds.has(id);
      });
    const idsOf = (emails: readonly string[], unknown: (email: string) => string) =>
      emails.flatMap((email) => {
        const user = usersByEmail.get(email.toLowerCase());
        if (!user?.id) {
          problems.push(unknown(email));
          return [];
        }
        return [user.id];
      });
    const ownerIds = [
      ...new Set([
        ...idsOf(row.ownerEmails, (email) => t`Owner ${email} is not a known user.`),
        ...knownIds(row.ownerUserIds),
      ]),
    ];
    const memberIds = idsOf(row.memberEmails, (email) => t`Member ${email} is not a known user.`);
    const key = row.name.toLowerCase();
    const group = existing instanceof Map ? existing.get(key) : undefined;
    const plan = { line: row.line, name: row.name, row, ownerIds, memberIds };
    if (!existing.has(key)) {
      lines.push({ ...plan, status: problems.length ? 'invalid' : 'create', problems });
      continue;
    }
    const differs = group && !problems.length ? differences(group, row, ownerIds) : null;
    if (differs && differs.length === 0) {
      lines.push({ ...plan, status: 'unchanged', problems: [] });
      continue;
    }
    const properties = differs?.join(', ');
    const problem = properties
      ? t`A group with this name already exists. It differs in: ${properties}; the import does not change it.`
      : t`A group with this name already exists.`;
    lines.push({ ...plan, status: 'exists', problems: [problem] });
  }
  return lines.sort((a, b) => a.line - b.line);
};

export type CreateOutcome = 'created' | 'notCreated' | 'incomplete' | 'cancelled';

export interface CreateResult {
  line: number;
  name: string;
  outcome: CreateOutcome;
  groupId?: string;
  reason?: string;
}

export interface CreateCalls {
  create: (body: GroupCreate) => Promise<Group>;
  remove: (groupId: string) => Promise<unknown>;
  membership: MembershipCalls;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Creates one planned group and adds its members (batches of 50). When the members cannot all be
 * added, the group is deleted again so nothing is left half-made; if that delete fails too, the result
 * says exactly what exists.
 */
export const createPlanned = async (
  plan: PlanLine,
  calls: CreateCalls,
  options: RunOptions = {},
): Promise<CreateResult> => {
  const base = { line: plan.line, name: plan.name };
  const row = plan.row;
  if (!row) return { ...base, outcome: 'notCreated', reason: t`Invalid line.` };
  let group: Group;
  try {
    group = await calls.create({
      name: row.name,
      description: row.description || undefined,
      type: row.type,
      visibility: row.visibility,
      rulesVisible: row.rulesVisible,
      ...(plan.ownerIds.length ? { ownerIds: plan.ownerIds } : {}),
    });
  } catch (error) {
    return { ...base, outcome: 'notCreated', reason: messageOf(error) };
  }
  const groupId = group.id ?? '';
  if (plan.memberIds.length === 0) return { ...base, outcome: 'created', groupId };
  const lines = await changeGroup(
    { groupId, groupName: row.name, action: 'add', people: plan.memberIds.map((id) => ({ id })) },
    calls.membership,
    options,
  );
  const missing = lines.filter((l) => !SETTLED.has(l.outcome));
  if (missing.length === 0) return { ...base, outcome: 'created', groupId };
  const notAdded = missing.length;
  const total = lines.length;
  const why = missing[0]?.reason ?? missing[0]?.outcome ?? '';
  try {
    await calls.remove(groupId);
    return {
      ...base,
      outcome: options.signal?.aborted ? 'cancelled' : 'notCreated',
      reason: t`${notAdded} of ${total} members could not be added (${why}). The group was deleted again.`,
    };
  } catch (error) {
    const added = total - notAdded;
    const deleteError = messageOf(error);
    return {
      ...base,
      outcome: 'incomplete',
      groupId,
      reason: t`${notAdded} of ${total} members could not be added (${why}). Deleting it again failed (${deleteError}): it exists with ${added} of ${total} members.`,
    };
  }
};
