import { i18n } from '@lingui/core';
import { Radio, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { propertyLabel, VISIBILITY_WORDING, visibilityLabel } from '../core/group-vocabulary';
import type { GroupFormValues } from './group-schema';

const VISIBILITY_VALUES = ['public', 'members', 'owners'] as const;

/** Who can see the group, each choice explained in one line. */
export const VisibilityField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const visibilityOptions = VISIBILITY_VALUES.map((value) => ({
    value,
    label: visibilityLabel(value),
    hint: i18n._(VISIBILITY_WORDING[value].help),
  }));
  const input = form.getInputProps('visibility');
  return (
    <Radio.Group
      label={propertyLabel('visibility')}
      withAsterisk
      value={input.value as string}
      onChange={(value) => form.setFieldValue('visibility', value as GroupFormValues['visibility'])}
      error={input.error}
    >
      <Stack gap="xs" mt="xs">
        {visibilityOptions.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} description={option.hint} />
        ))}
      </Stack>
    </Radio.Group>
  );
};
