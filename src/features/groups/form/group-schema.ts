import { plural, t } from '@lingui/core/macro';
import { z } from 'zod';
import { SCHEMA_LIMITS } from '@/api/generated/contract';
import type { Group } from '@/api/generated/model/group';
import type { GroupContact } from '@/api/generated/model/groupContact';
import type { GroupCreate } from '@/api/generated/model/groupCreate';
import type { GroupUpdate } from '@/api/generated/model/groupUpdate';

/**
 * The group form's values, their validation (mirroring what the API accepts) and the conversions
 * between a Group, the form and the GroupCreate / GroupUpdate bodies. Pure: no React, no network.
 */

const { GroupCreate, GroupContact } = SCHEMA_LIMITS;

/** Limits the API enforces, as openapi/groups.yaml states them (generated into src/api/generated/contract.ts). */
export const GROUP_LIMITS = {
  name: GroupCreate.name.maxLength,
  description: GroupCreate.description.maxLength,
  addresses: GroupCreate.addresses.maxItems,
  owners: GroupCreate.ownerIds.maxItems,
  phoneDigitsMin: GroupContact.address.digits.minimum,
  phoneDigitsMax: GroupContact.address.digits.maximum,
  extension: GroupContact.extension.maxLength,
} as const;

export const GROUP_TYPES = ['official', 'social'] as const;
export const GROUP_VISIBILITIES = ['public', 'members', 'owners'] as const;
export const PHONE_TYPES = ['GROUPRING', 'GROUPPHONE'] as const;

/** Digits, an optional leading +, spaces, dashes, dots and parentheses. */
const PHONE_PATTERN = new RegExp(GroupContact.address.pattern);
const EXTENSION_PATTERN = new RegExp(GroupContact.extension.pattern);

export interface OwnerValue {
  id: string;
  name: string;
}

export interface PhoneRowValue {
  /** Stable React key of the row (never sent). */
  key: string;
  type: (typeof PHONE_TYPES)[number];
  address: string;
  extension: string;
}

export type GroupFormValues = {
  name: string;
  description: string;
  type: (typeof GROUP_TYPES)[number];
  visibility: (typeof GROUP_VISIBILITIES)[number];
  rulesVisible: boolean;
  includeOwners: boolean;
  rolesEnabled: boolean;
  callsEnabled: boolean;
  addresses: PhoneRowValue[];
  owners: OwnerValue[];
};

const phoneDigits = (value: string) => value.replace(/\D/g, '').length;

/**
 * Why a phone number is not acceptable, or null when it is. Words in the page's language: called when a
 * value is validated, never at module load.
 */
export const phoneProblem = (raw: string): string | null => {
  const value = raw.trim();
  if (!value) return t`Enter a phone number.`;
  if (!PHONE_PATTERN.test(value)) return t`Use digits, an optional leading +, spaces, dashes or parentheses.`;
  const digits = phoneDigits(value);
  if (digits < GROUP_LIMITS.phoneDigitsMin || digits > GROUP_LIMITS.phoneDigitsMax) {
    const min = GROUP_LIMITS.phoneDigitsMin;
    const max = GROUP_LIMITS.phoneDigitsMax;
    return plural(max, {
      one: `A phone number has ${min} to ${max} digit.`,
      other: `A phone number has ${min} to ${max} digits.`,
    });
  }
  return null;
};

/*
 * The schema's messages are functions (zod's `error`), so each is worded when a value fails, in the page's
 * language. The limits stay as the API states them ("4000", not "4,000"): they are placeholders, not `#`.
 */
const nameTooLong = () => {
  const limit = GROUP_LIMITS.name;
  return plural(limit, {
    one: `A name is at most ${limit} character.`,
    other: `A name is at most ${limit} characters.`,
  });
};

const descriptionTooLong = () => {
  const limit = GROUP_LIMITS.description;
  return plural(limit, {
    one: `A description is at most ${limit} character.`,
    other: `A description is at most ${limit} characters.`,
  });
};

const extensionTooLong = () => {
  const limit = GROUP_LIMITS.extension;
  return plural(limit, {
    one: `An extension is up to ${limit} digit.`,
    other: `An extension is up to ${limit} digits.`,
  });
};

const tooManyPhoneNumbers = () => {
  const limit = GROUP_LIMITS.addresses;
  return plural(limit, {
    one: `At most ${limit} phone number.`,
    other: `At most ${limit} phone numbers.`,
  });
};

const tooManyOwners = () => {
  const limit = GROUP_LIMITS.owners;
  return plural(limit, {
    one: `At most ${limit} owner.`,
    other: `At most ${limit} owners.`,
  });
};

export const phoneRowSchema = z.object({
  key: z.string(),
  type: z.enum(PHONE_TYPES, { error: () => t`Choose a phone type.` }),
  address: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const message = phoneProblem(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
  extension: z
    .string()
    .trim()
    .refine((v) => v === '' || EXTENSION_PATTERN.test(v), { error: extensionTooLong }),
});

export const groupFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: () => t`Enter a name.` })
    .max(GROUP_LIMITS.name, { error: nameTooLong }),
  description: z.string().max(GROUP_LIMITS.description, { error: descriptionTooLong }),
  type: z.enum(GROUP_TYPES, { error: () => t`Choose official or social.` }),
  visibility: z.enum(GROUP_VISIBILITIES, { error: () => t`Choose who can see the group.` }),
  rulesVisible: z.boolean(),
  includeOwners: z.boolean(),
  rolesEnabled: z.boolean(),
  callsEnabled: z.boolean(),
  addresses: z.array(phoneRowSchema).max(GROUP_LIMITS.addresses, { error: tooManyPhoneNumbers }),
  owners: z
    .array(z.object({ id: z.string().min(1), name: z.string() }))
    .max(GROUP_LIMITS.owners, { error: tooManyOwners }),
});

let rowCounter = 0;
/** A new, empty phone row. */
export const newPhoneRow = (type: PhoneRowValue['type'] = 'GROUPRING'): PhoneRowValue => {
  rowCounter += 1;
  return { key: `phone-${rowCounter}-${Math.random().toString(36).slice(2, 8)}`, type, address: '', extension: '' };
};

/** The values a new group starts with (the server's defaults). */
export const emptyGroupFormValues = (): GroupFormValues => ({
  name: '',
  description: '',
  type: 'official',
  visibility: 'public',
  rulesVisible: true,
  includeOwners: false,
  rolesEnabled: false,
  callsEnabled: false,
  addresses: [],
  owners: [],
});

const isPhoneType = (v: string | undefined): v is PhoneRowValue['type'] =>
  (PHONE_TYPES as readonly string[]).includes(v ?? '');

/** A group as the API returns it → the form's values. */
export const groupToFormValues = (group: Group): GroupFormValues => ({
  name: group.name ?? '',
  description: group.description ?? '',
  type: group.type === 'social' ? 'social' : 'official',
  visibility: (GROUP_VISIBILITIES as readonly string[]).includes(group.visibility) ? group.visibility : 'public',
  rulesVisible: group.rulesVisible ?? true,
  includeOwners: group.includeOwners ?? false,
  rolesEnabled: group.rolesEnabled ?? false,
  callsEnabled: group.callsEnabled ?? false,
  addresses: (group.addresses ?? []).map((a, i) => ({
    key: `saved-${i}`,
    type: isPhoneType(a.type) ? a.type : 'GROUPRING',
    address: a.address ?? '',
    extension: a.extension ?? '',
  })),
  owners: (group.owners ?? [])
    .filter((o): o is typeof o & { id: string } => !!o.id)
    // A lean reference has no name: OwnersField resolves it (never shows the id).
    .map((o) => ({ id: o.id, name: o.name ?? '' })),
});

const toContacts = (rows: PhoneRowValue[]): GroupContact[] =>
  rows.map((row) => {
    const contact: GroupContact = { type: row.type, address: row.address.trim(), mediaType: 'PHONE' };
    const extension = row.extension.trim();
    if (extension) contact.extension = extension;
    return contact;
  });

/** The form's values → the body of POST /groups. */
export const formValuesToCreate = (values: GroupFormValues): GroupCreate => {
  const body: GroupCreate = {
    name: values.name.trim(),
    type: values.type,
    visibility: values.visibility,
    rulesVisible: values.rulesVisible,
    includeOwners: values.includeOwners,
    rolesEnabled: values.rolesEnabled,
    callsEnabled: values.callsEnabled,
    addresses: toContacts(values.addresses),
    ownerIds: values.owners.map((o) => o.id),
  };
  const description = values.description.trim();
  if (description) body.description = description;
  return body;
};

/**
 * The form's values → the body of PUT /groups/{id}, with the version the edit started from.
 * Every editable field is sent (an empty description clears it); `type` never is: it is fixed.
 */
export const formValuesToUpdate = (values: GroupFormValues, version: number): GroupUpdate => ({
  version,
  name: values.name.trim(),
  description: values.description.trim(),
  visibility: values.visibility,
  rulesVisible: values.rulesVisible,
  includeOwners: values.includeOwners,
  rolesEnabled: values.rolesEnabled,
  callsEnabled: values.callsEnabled,
  addresses: toContacts(values.addresses),
  ownerIds: values.owners.map((o) => o.id),
});
