/**
 * Validation of group writes (POST and PUT bodies) against the document's limits (contract/limits.ts),
 * with the checks the schemas cannot make: trimmed names unique in the org, phone digits, owner ids.
 */
import type Database from 'better-sqlite3';
import { ApiError, badRequest, invalidValue, type ErrorDetail } from '../../contract/errors.js';
import { GROUP_LIMITS } from '../../contract/limits.js';
import { cached } from '../../db/statements.js';
import { fold, type GroupContact, type Image } from './groups.js';

export interface GroupWrite {
  name?: unknown;
  description?: unknown;
  state?: unknown;
  type?: unknown;
  version?: unknown;
  images?: unknown;
  addresses?: unknown;
  rulesVisible?: unknown;
  visibility?: unknown;
  rolesEnabled?: unknown;
  includeOwners?: unknown;
  callsEnabled?: unknown;
  email?: unknown;
  ownerIds?: unknown;
}

export function validName(db: Database.Database, raw: unknown, selfId: string | null): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw badRequest('The group name is required and cannot be blank.', [
      { errorCode: 'bad.request', fieldName: 'name' },
    ]);
  const name = raw.trim();
  if (name.length > GROUP_LIMITS.name)
    throw badRequest(`The group name is longer than ${GROUP_LIMITS.name} characters.`, [
      { errorCode: 'bad.request', fieldName: 'name' },
    ]);
  const clash = cached(db, `SELECT id FROM groups WHERE sort_name = ? AND state <> 'deleted' AND id <> ? LIMIT 1`)
    .pluck()
    .get(fold(name), selfId ?? '') as string | undefined;
  if (clash) {
    throw new ApiError(400, 'bad.request', `A group named "${name}" already exists. Group names must be unique.`, {
      messageWithParams: 'A group named "{name}" already exists. Group names must be unique.',
      messageParams: { name },
      details: [{ errorCode: 'bad.request', fieldName: 'name', entityId: clash }],
    });
  }
  return name;
}

export function validDescription(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string')
    throw badRequest('description must be a string.', [{ errorCode: 'bad.request', fieldName: 'description' }]);
  if (raw.length > GROUP_LIMITS.description)
    throw badRequest(`The description is longer than ${GROUP_LIMITS.description} characters.`, [
      { errorCode: 'bad.request', fieldName: 'description' },
    ]);
  return raw;
}

export function validEnum<T extends string>(raw: unknown, allowed: readonly T[], fieldName: string): T {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw invalidValue(`${fieldName} must be one of ${allowed.join(', ')}.`, fieldName);
}

export function validBool(raw: unknown, fieldName: string): number {
  if (typeof raw !== 'boolean')
    throw badRequest(`${fieldName} must be true or false.`, [{ errorCode: 'bad.request', fieldName }]);
  return raw ? 1 : 0;
}

export function validState(raw: unknown): 'active' | 'inactive' {
  const s = validEnum(raw, ['active', 'inactive', 'deleted'] as const, 'state');
  if (s === 'deleted')
    throw badRequest('A group cannot be set to deleted; delete it instead.', [
      { errorCode: 'bad.request', fieldName: 'state' },
    ]);
  return s;
}

export function validEmail(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > GROUP_LIMITS.email || !GROUP_LIMITS.emailPattern.test(raw))
    throw badRequest('email is not a valid email address.', [{ errorCode: 'bad.request', fieldName: 'email' }]);
  return raw.trim() || null;
}

/** A phone number as displayed: North American numbers as +1 (NXX) NXX-XXXX, others as given. */
function displayPhone(address: string): string {
  const digits = address.replace(/\D/g, '');
  const nanp =
    digits.length === 11 && digits.startsWith('1')
      ? digits.slice(1)
      : digits.length === 10 && !address.trim().startsWith('+')
        ? digits
        : null;
  return nanp ? `+1 (${nanp.slice(0, 3)}) ${nanp.slice(3, 6)}-${nanp.slice(6)}` : address;
}

export function validAddresses(raw: unknown): GroupContact[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw badRequest('addresses must be an array.', [{ errorCode: 'bad.request', fieldName: 'addresses' }]);
  if (raw.length > GROUP_LIMITS.addresses)
    throw badRequest(`At most ${GROUP_LIMITS.addresses} addresses are allowed.`, [
      { errorCode: 'bad.request', fieldName: 'addresses' },
    ]);
  return raw.map((a: unknown, i) => {
    const p = `addresses[${i}]`;
    if (!a || typeof a !== 'object')
      throw badRequest(`${p} must be an object.`, [{ errorCode: 'bad.request', fieldName: p }]);
    const o = a as Record<string, unknown>;
    const type = validEnum(o.type, ['GROUPRING', 'GROUPPHONE'] as const, `${p}.type`);
    const mediaType = validEnum(o.mediaType, ['PHONE'] as const, `${p}.mediaType`);
    const address = typeof o.address === 'string' ? o.address.trim() : '';
    const digits = address.replace(/\D/g, '');
    if (
      !GROUP_LIMITS.phonePattern.test(address) ||
      digits.length < GROUP_LIMITS.phoneDigitsMin ||
      digits.length > GROUP_LIMITS.phoneDigitsMax
    ) {
      throw badRequest(
        `${p}.address must be a phone number (digits, with an optional leading +, spaces, dashes and parentheses).`,
        [{ errorCode: 'bad.request', fieldName: `${p}.address` }],
      );
    }
    const out: GroupContact = { address, display: displayPhone(address), type, mediaType };
    if (o.extension !== undefined && o.extension !== null && o.extension !== '') {
      if (typeof o.extension !== 'string' || !GROUP_LIMITS.extensionPattern.test(o.extension)) {
        throw badRequest(`${p}.extension must be up to 10 digits.`, [
          { errorCode: 'bad.request', fieldName: `${p}.extension` },
        ]);
      }
      out.extension = o.extension;
      out.display = `${out.display} ext. ${o.extension}`;
    }
    return out;
  });
}

export function validImages(raw: unknown): Image[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw badRequest('images must be an array.', [{ errorCode: 'bad.request', fieldName: 'images' }]);
  if (raw.length > GROUP_LIMITS.images)
    throw badRequest(`At most ${GROUP_LIMITS.images} images are allowed.`, [
      { errorCode: 'bad.request', fieldName: 'images' },
    ]);
  return raw.map((img: unknown, i) => {
    const p = `images[${i}]`;
    if (!img || typeof img !== 'object')
      throw badRequest(`${p} must be an object.`, [{ errorCode: 'bad.request', fieldName: p }]);
    const o = img as Record<string, unknown>;
    const out: Image = {};
    for (const k of ['resolution', 'imageUri'] as const) {
      if (o[k] === undefined || o[k] === null) continue;
      if (typeof o[k] !== 'string' || (o[k] as string).length > GROUP_LIMITS.imageText)
        throw badRequest(`${p}.${k} must be a string.`, [{ errorCode: 'bad.request', fieldName: `${p}.${k}` }]);
      out[k] = o[k] as string;
    }
    return out;
  });
}

/** Validates owner ids (existing, not deleted users); unknown ids answer 400 listing them. */
export function validOwnerIds(db: Database.Database, raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string' || x === '')) {
    throw badRequest('ownerIds must be an array of user ids.', [{ errorCode: 'bad.request', fieldName: 'ownerIds' }]);
  }
  const ids = [...new Set(raw as string[])];
  if (ids.length > GROUP_LIMITS.owners)
    throw badRequest(`A group can have at most ${GROUP_LIMITS.owners} owners.`, [
      { errorCode: 'bad.request', fieldName: 'ownerIds' },
    ]);
  const unknown = unknownUserIds(db, ids);
  if (unknown.length) {
    throw badRequest(
      `Unknown user id(s) in ownerIds: ${unknown.join(', ')}.`,
      unknown.map((id): ErrorDetail => ({ errorCode: 'not.found', fieldName: 'ownerIds', entityId: id })),
    );
  }
  return ids;
}

/** The ids among `ids` that name no user (or a deleted one). */
export function unknownUserIds(db: Database.Database, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    cached(db, `SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?)) AND state <> 'deleted'`)
      .pluck()
      .all(JSON.stringify(ids)) as string[],
  );
  return ids.filter((id) => !found.has(id));
}
