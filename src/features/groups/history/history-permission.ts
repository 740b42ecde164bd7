import { permissionOf, type Permission } from '@/lib/permission-names';

/**
 * What reading the change history needs: the realtime audit query's `x-permissions` in the contract
 * (`audits:audit:view`). The History tab, Recently deleted and a person's membership history ask for it.
 */
export const HISTORY_PERMISSION: Permission = permissionOf('queryAuditsRealtime');
