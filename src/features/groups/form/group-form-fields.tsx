import { Checkbox, Fieldset, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GROUP_LIMITS, type GroupFormValues } from './group-schema';
import { OwnersField } from './owners-field';
import { PhoneNumbersField } from './phone-numbers-field';
import { TypeField } from './type-field';
import { VisibilityField } from './visibility-field';

export interface GroupFormFieldsProps {
  form: UseFormReturnType<GroupFormValues>;
  mode: 'create' | 'edit';
}

const SETTINGS: {
  field: 'rulesVisible' | 'includeOwners' | 'rolesEnabled' | 'callsEnabled';
  label: string;
  hint: string;
}[] = [
  {
    field: 'rulesVisible',
    label: 'Membership rules visible',
    hint: 'People who are not owners can see the rules that add members.',
  },
  { field: 'includeOwners', label: 'Include owners as members', hint: 'Owners count as members of the group.' },
  { field: 'rolesEnabled', label: 'Roles enabled', hint: 'Roles can be assigned to the group.' },
  { field: 'callsEnabled', label: 'Calls enabled', hint: 'People can call the group.' },
];

/** Every field of the create and edit forms. */
export const GroupFormFields = ({ form, mode }: GroupFormFieldsProps) => (
  <Stack gap="lg">
    <Fieldset legend="About">
      <Stack>
        <TextInput
          label="Name"
          withAsterisk
          maxLength={GROUP_LIMITS.name}
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Textarea
          label="Description"
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
            key={setting.field}
            label={setting.label}
            description={setting.hint}
            {...form.getInputProps(setting.field, { type: 'checkbox' })}
          />
        ))}
      </Stack>
    </Fieldset>
    <Fieldset legend="Contact">
      <PhoneNumbersField form={form} />
    </Fieldset>
    <Fieldset legend="Owners">
      <OwnersField form={form} />
    </Fieldset>
  </Stack>
);
