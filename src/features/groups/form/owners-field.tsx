import type { UseFormReturnType } from '@mantine/form';
import type { User } from '@/api/generated/model/user';
import { UserPicker } from '@/components/user-picker/user-picker';
import type { GroupFormValues, OwnerValue } from './group-schema';

const toUser = (owner: OwnerValue): User => ({ id: owner.id, name: owner.name, version: 0 });
const toOwner = (user: User): OwnerValue => ({ id: user.id ?? '', name: user.name ?? user.id ?? '' });

/** The group's owners, chosen with the shared user picker. */
export const OwnersField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const owners = form.getValues().owners;
  const error = form.errors.owners;
  return (
    <UserPicker
      label="Owners"
      description="Owners can edit the group and its membership."
      value={owners.map(toUser)}
      onChange={(users) => form.setFieldValue('owners', users.filter((u) => u.id).map(toOwner))}
      error={error}
    />
  );
};
