import { Checkbox, Fieldset, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GROUP_LIMITS, type GroupFormValues } from './group-schema';
import { OwnersField } from './owners-field';
import { PhoneNumbersField } from './phone-numbers-field';
import { TypeField } from './type-field';
import { VisibilityField } from './visibility-field';
import { GROUP_PROPERTIES } from '../core/group-vocabulary';

export interface GroupFormFieldsProps {
  form: UseFormReturnType<GroupFormValues>;
  mode: 'create' | 'edit';
}

const SETTINGS: readonly ('rulesVisible' | 'includeOwners' | 'rolesEnabled' | 'callsEnabled')[] = [
  'rulesVisible',
  'includeOwners',
  'rolesEnabled',
  'callsEnabled',
];

/**
 * The name, with its limit and how much of it is used below the field. A longer name (pasted, say)
 * is kept as typed and marked at once, never cut without a word.
 */
const NameField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const input = form.getInputProps('name');
  const length = typeof input.value === 'string' ? input.value.length : 0;
  const over = length - GROUP_LIMITS.name;
  return (
    <TextInput
      label={GROUP_PROPERTIES.name.label}
      withAsterisk
      data-autofocus
      key={form.key('name')}
      {...input}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={`${length} / ${GROUP_LIMITS.name} characters`}
      error={
        input.error ?? (over > 0 ? `A name is at most ${GROUP_LIMITS.name} characters: remove ${over}.` : undefined)
      }
    />
  );
};

/** Every field of the create and edit forms. */
export const GroupFormFields = ({ form, mode }: GroupFormFieldsProps) => (
  <Stack gap="lg">
    <Fieldset legend="About">
      <Stack>
        <NameField form={form} />
        <Textarea
          label={GROUP_PROPERTIES.description.label}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={GROUP_LIMITS.description}
          key={form.key('description')}
          {...form.getInputProps('description')}
        />
        <TypeField form={form} fixed={mode === 'edit'} />
      </Stack>
    </Fieldset>
    <Fieldset legend="Privacy and settings">
      <Stack>
        <VisibilityField form={form} />
        {SETTINGS.map((setting) => (
          <Checkbox
            key={setting}
            label={GROUP_PROPERTIES[setting].label}
            description={GROUP_PROPERTIES[setting].help}
            {...form.getInputProps(setting, { type: 'checkbox' })}
          />
        ))}
      </Stack>
    </Fieldset>
    <Fieldset legend="Contact">
      <PhoneNumbersField form={form} />
    </Fieldset>
    <Fieldset legend={GROUP_PROPERTIES.owners.label}>
      <OwnersField form={form} />
    </Fieldset>
  </Stack>
);
