import { Radio, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GROUP_PROPERTIES, VISIBILITY_WORDING } from '../core/group-vocabulary';
import type { GroupFormValues } from './group-schema';

const VISIBILITY_OPTIONS = (['public', 'members', 'owners'] as const).map((value) => ({
  value,
  label: VISIBILITY_WORDING[value].label,
  hint: VISIBILITY_WORDING[value].help,
}));

/** Who can see the group, each choice explained in one line. */
export const VisibilityField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const input = form.getInputProps('visibility');
  return (
    <Radio.Group
      label={GROUP_PROPERTIES.visibility.label}
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
