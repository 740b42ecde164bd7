import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { GROUP_LIMITS, newPhoneRow, type GroupFormValues } from './group-schema';

const PHONE_TYPE_OPTIONS = [
  { value: 'GROUPRING', label: 'Group ring' },
  { value: 'GROUPPHONE', label: 'Group phone' },
];

/** The group's phone numbers: repeatable rows of type, number and extension. */
export const PhoneNumbersField = ({ form }: { form: UseFormReturnType<GroupFormValues> }) => {
  const rows = form.getValues().addresses;
  const listError = form.errors.addresses;
  return (
    <Input.Wrapper
      label="Group phone numbers"
      description="Numbers people can call to reach the group."
      error={typeof listError === 'string' ? listError : undefined}
    >
      <Stack gap="xs" mt="xs">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            No phone numbers.
          </Text>
        )}
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Group key={row.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="phone-row">
              <Select
                aria-label={`Phone ${n} type`}
                data={PHONE_TYPE_OPTIONS}
                allowDeselect={false}
                w={150}
                {...form.getInputProps(`addresses.${index}.type`)}
              />
              <TextInput
                aria-label={`Phone ${n} number`}
                placeholder="+1 317 555 0100"
                inputMode="tel"
                style={{ flex: 1 }}
                {...form.getInputProps(`addresses.${index}.address`)}
              />
              <TextInput
                aria-label={`Phone ${n} extension`}
                placeholder="Ext."
                w={110}
                {...form.getInputProps(`addresses.${index}.extension`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove phone ${n}`}
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
            Add phone number
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
};
