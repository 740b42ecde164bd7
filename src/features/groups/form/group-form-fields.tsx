import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Checkbox, Fieldset, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GROUP_LIMITS, type GroupFormValues } from './group-schema';
import { OwnersField } from './owners-field';
import { PhoneNumbersField } from './phone-numbers-field';
import { TypeField } from './type-field';
import { VisibilityField } from './visibility-field';
import { propertyHelp, propertyLabel } from '../core/group-vocabulary';

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
  const limit = GROUP_LIMITS.name;
  const over = length - limit;
  return (
    <TextInput
      label={propertyLabel('name')}
      withAsterisk
      data-autofocus
      key={form.key('name')}
      {...input}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={plural(limit, {
        one: `${length} / ${limit} character`,
        other: `${length} / ${limit} characters`,
      })}
      error={
        input.error ??
        (over > 0
          ? plural(limit, {
              one: `A name is at most ${limit} character: remove ${over}.`,
              other: `A name is at most ${limit} characters: remove ${over}.`,
            })
          : undefined)
      }
    />
  );
};

/** Every field of the create and edit forms. */
export const GroupFormFields = ({ form, mode }: GroupFormFieldsProps) => {
  const { t } = useLingui();
  return (
    <Stack gap="lg">
      <Fieldset legend={t({ message: 'About', comment: "group form section: the group's name, description and type" })}>
        <Stack>
          <NameField form={form} />
          <Textarea
            label={propertyLabel('description')}
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
      <Fieldset legend={t`Privacy and settings`}>
        <Stack>
          <VisibilityField form={form} />
          {SETTINGS.map((setting) => (
            <Checkbox
              key={setting}
              label={propertyLabel(setting)}
              description={propertyHelp(setting)}
              {...form.getInputProps(setting, { type: 'checkbox' })}
            />
          ))}
        </Stack>
      </Fieldset>
      <Fieldset legend={t({ message: 'Contact', comment: "group form section: the group's phone numbers" })}>
        <PhoneNumbersField form={form} />
      </Fieldset>
      <Fieldset legend={propertyLabel('owners')}>
        <OwnersField form={form} />
      </Fieldset>
    </Stack>
  );
};
