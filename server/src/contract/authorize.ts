/**
 * The one check of an operation's permissions, read from openapi/groups.yaml: `x-permissions` (any one
 * is enough) and `x-group-owner-allowed` (an owner of the group may call it without them). Every
 * operation that names permissions is checked here, at the point its handler has found the group
 * (so an invisible group answers 404 before a missing permission answers 403).
 */
import { contractDocument, resolveRef, type Json, type OpenApiDocument } from './document.js';
import { missingAnyPermissions } from './errors.js';
import { hasAnyPermission } from './permissions.js';

export interface OperationAccess {
  /** Any one of these is enough; none listed means any signed-in caller. */
  permissions: readonly string[];
  /** An owner of the group may call the operation without the permissions. */
  ownerAllowed: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** operationId → its access rule, for every operation of the document. */
export function operationAccess(doc: OpenApiDocument): Map<string, OperationAccess> {
  const out = new Map<string, OperationAccess>();
  for (const item of Object.values(doc.paths)) {
    const pathItem = resolveRef<Json>(doc, item);
    for (const method of METHODS) {
      const op = pathItem[method] as Json | undefined;
      if (!op || typeof op.operationId !== 'string') continue;
      const permissions = op['x-permissions'] ?? [];
      if (!Array.isArray(permissions) || permissions.some((p) => typeof p !== 'string'))
        throw new Error(`${op.operationId}: x-permissions must be a list of permission strings`);
      out.set(op.operationId, { permissions, ownerAllowed: op['x-group-owner-allowed'] === true });
    }
  }
  return out;
}

let access: Map<string, OperationAccess> | undefined;

/** The access rule of one operation of openapi/groups.yaml. */
export function accessOf(operationId: string): OperationAccess {
  access ??= operationAccess(contractDocument());
  const rule = access.get(operationId);
  if (!rule) throw new Error(`openapi/groups.yaml has no operation ${operationId}`);
  return rule;
}

/**
 * Throws 403 missing.any.permissions unless the caller holds one of the operation's permissions, or the
 * operation allows group owners and `isOwner()` says the caller owns the group.
 */
export function authorize(
  operationId: string,
  caller: { readonly permissions: Iterable<string> },
  isOwner?: () => boolean,
): void {
  const rule = accessOf(operationId);
  if (rule.permissions.length === 0 || hasAnyPermission(caller.permissions, rule.permissions)) return;
  if (rule.ownerAllowed && isOwner?.()) return;
  throw missingAnyPermissions([...rule.permissions]);
}
