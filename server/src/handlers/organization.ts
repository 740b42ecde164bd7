/**
 * The `organization` operation: the caller's organization (GET /api/v2/organizations/me), as the real API
 * answers it; the console reads its name there when a reference carries only the id (docs/real-org.md).
 */
import { ORGANIZATION } from '../auth/clients.js';
import type { OperationHandlers } from '../http/context.js';

export const organizationHandlers = {
  getOrganizationMe() {
    return {
      id: ORGANIZATION.id,
      name: ORGANIZATION.name,
      version: 1,
      state: 'active',
      selfUri: `/api/v2/organizations/${ORGANIZATION.id}`,
    };
  },
} satisfies OperationHandlers;
