import { Trans, useLingui } from '@lingui/react/macro';
import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { GROUP_LIMITS, newPhoneRow, type GroupFormValues } from './group-schema';

/** The group's phone numbers: repeatable rows of type, number and extension. */
export const PhoneNumbersField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const { t } = useLingui();
  const phoneTypeOptions = [
    { value: 'GROUPRING', label: t({ message: 'Group ring', comment: 'phone number type' }) },
    { value: 'GROUPPHONE', label: t({ message: 'Group phone', comment: 'phone number type' }) },
  ];
  const rows = form.getValues().addresses;
  const listError = form.errors.addresses;
  return (
    <Input.Wrapper
      label={t`Group phone numbers`}
      description={t`Numbers people can call to reach the group.`}
      error={typeof listError === 'string' ? listError : undefined}
    >
      <Stack gap="xs" mt="xs">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            <Trans>No phone numbers.</Trans>
          </Text>
        )}
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Group key={row.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="phone-row">
              <Select
                aria-label={t`Phone ${n} type`}
                data={phoneTypeOptions}
                allowDeselect={false}
                w={150}
                {...form.getInputProps(`addresses.${index}.type`)}
              />
              <TextInput
                aria-label={t`Phone ${n} number`}
                placeholder="+1 317 555 0100"
                inputMode="tel"
                style={{ flex: 1 }}
                {...form.getInputProps(`addresses.${index}.address`)}
              />
              <TextInput
                aria-label={t`Phone ${n} extension`}
                placeholder={t({ message: 'Ext.', comment: 'placeholder: a phone extension' })}
                w={110}
                {...form.getInputProps(`addresses.${index}.extension`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t`Remove phone ${n}`}
                onClick={() => form.removeListItem('addresses', index)}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={rows.length >= GROUP_LIMITS.addresses}
            onClick={() => form.insertListItem('addresses', newPhoneRow())}
          >
            <Trans>Add phone number</Trans>
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
};
