import { describe, expect, it } from 'vitest';
import { OPERATION_PERMISSIONS, SEE_ALL_GROUPS_PERMISSIONS } from '@/api/generated/contract';
import { permissionOf, SEE_ALL_GROUPS_PERMISSION, type GatedOperation } from '../permission-names';

const gated = Object.entries(OPERATION_PERMISSIONS)
  .filter(([, operation]) => operation.permissions.length > 0)
  .map(([operationId]) => operationId as GatedOperation);

describe('permissionOf', () => {
  it.each(gated)('%s: the first permission of the generated table', (operationId) => {
    expect(permissionOf(operationId)).toBe(OPERATION_PERMISSIONS[operationId].permissions[0]);
  });

  it('names the permission that shows every group', () => {
    expect(SEE_ALL_GROUPS_PERMISSION).toBe(SEE_ALL_GROUPS_PERMISSIONS[0]);
  });
});
