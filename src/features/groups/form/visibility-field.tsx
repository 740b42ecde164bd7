import { Radio, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { GroupFormValues } from './group-schema';

const VISIBILITY_OPTIONS: { value: GroupFormValues['visibility']; label: string; hint: string }[] = [
  { value: 'public', label: 'Public', hint: 'Anyone in the organization can find and view the group.' },
  { value: 'members', label: 'Members only', hint: 'Only members (and owners) can find and view the group.' },
  { value: 'owners', label: 'Owners only', hint: 'Only the owners can find and view the group.' },
];

/** Who can see the group, each choice explained in one line. */
export const VisibilityField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const input = form.getInputProps('visibility');
  return (
    <Radio.Group
      label="Visibility"
      withAsterisk
      value={input.value as string}
      onChange={(value) => form.setFieldValue('visibility', value as GroupFormValues['visibility'])}
      error={input.error}
    >
      <Stack gap="xs" mt="xs">
        {VISIBILITY_OPTIONS.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} description={option.hint} />
        ))}
      </Stack>
    </Radio.Group>
  );
};
