/** Handler of GET /api/v2/fieldconfig (tag `fieldconfig`). */
import type { OperationHandlers } from '../http/context.js';
import { getFieldConfig } from '../domain/fieldconfig.js';

export const fieldconfigHandlers: OperationHandlers = {
  getFieldConfig: (request) => getFieldConfig((request.query as Record<string, unknown> | undefined)?.type),
};
