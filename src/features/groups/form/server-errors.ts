import { apiMessageInWords } from '@/api/error-words';
import type { ApiError } from '@/api/errors';

/**
 * Maps a 400 ErrorBody's `details[].fieldName` (API field names, e.g. `addresses[0].address`,
 * `ownerIds`) onto the group form's paths (`addresses.0.address`, `owners`). What does not name a
 * field of the form becomes a form-level message.
 */

const DIRECT_FIELDS = new Set([
  'name',
  'description',
  'type',
  'visibility',
  'rulesVisible',
  'includeOwners',
  'rolesEnabled',
  'callsEnabled',
  'addresses',
]);

const ADDRESS_FIELD = /^addresses\[(\d+)\](?:\.(address|extension|type))?$/;

/** An API field name → the form path it belongs to, or null when the form has no such field. */
export const apiFieldToFormPath = (fieldName: string): string | null => {
  if (DIRECT_FIELDS.has(fieldName)) return fieldName;
  if (fieldName === 'ownerIds' || fieldName.startsWith('ownerIds[')) return 'owners';
  const m = ADDRESS_FIELD.exec(fieldName);
  if (m) return `addresses.${m[1]}.${m[2] ?? 'address'}`;
  return null;
};

export interface MappedServerErrors {
  /** Form path → message. */
  fieldErrors: Record<string, string>;
  /** A message for the whole form (errors naming no field of the form, or no field at all). */
  formError: string | null;
}

/** Splits an API error into field errors and a form-level message. */
export const mapServerErrors = (error: Pick<ApiError, 'message' | 'body'>): MappedServerErrors => {
  const fieldErrors: Record<string, string> = {};
  const message = apiMessageInWords(error);
  let unmapped = false;
  const details = error.body.details ?? [];
  for (const detail of details) {
    const path = detail.fieldName ? apiFieldToFormPath(detail.fieldName) : null;
    if (path) fieldErrors[path] ??= message;
    else unmapped = true;
  }
  const formError = details.length === 0 || unmapped ? message : null;
  return { fieldErrors, formError };
};
