import { useLingui } from '@lingui/react/macro';
import type { UseFormReturnType } from '@mantine/form';
import type { User } from '@/api/generated/model/user';
import { useResolved } from '@/api/resolve-names';
import { UNKNOWN_NAME } from '@/components/reference/reference-names';
import { UserPicker } from '@/components/user-picker/user-picker';
import { propertyLabel } from '../core/group-vocabulary';
import type { GroupFormValues, OwnerValue } from './group-schema';

/** The group's owners, chosen with the shared user picker; owners that came without a name are resolved. */
export const OwnersField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const { t } = useLingui();
  const owners = form.getValues().owners;
  const error = form.errors.owners;
  const resolved = useResolved('user', owners);
  const shown: User[] = resolved.map(({ entity, pending }) => ({
    id: entity.id,
    name: entity.name || (pending ? t`Loading name…` : UNKNOWN_NAME.user),
    version: 0,
  }));
  // Owners already chosen keep their value (a lean one stays nameless, to be resolved); new ones bring theirs.
  const toOwner = (user: User): OwnerValue =>
    owners.find((o) => o.id === user.id) ?? { id: user.id ?? '', name: user.name ?? '' };
  return (
    <UserPicker
      label={propertyLabel('owners')}
      description={t`Owners can edit the group and its membership.`}
      value={shown}
      onChange={(users) => form.setFieldValue('owners', users.filter((u) => u.id).map(toOwner))}
      error={error}
    />
  );
};
