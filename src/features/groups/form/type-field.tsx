import { i18n } from '@lingui/core';
import { useLingui } from '@lingui/react/macro';
import { Group, Radio, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { propertyLabel, TYPE_WORDING, typeLabel } from '../core/group-vocabulary';
import type { GroupFormValues } from './group-schema';
import classes from './type-field.module.css';

const TYPE_VALUES = ['official', 'social'] as const;

export interface TypeFieldProps {
  form: UseFormReturnType<GroupFormValues>;
  /** Editing an existing group: the type is shown but cannot change. */
  fixed?: boolean;
}

/** Official or social, as two radio cards with one line of explanation each. */
export const TypeField = ({ form, fixed = false }: TypeFieldProps) => {
  const { t } = useLingui();
  const typeFixedReason = t`Type can't change after creation`;
  const typeOptions = TYPE_VALUES.map((value) => ({
    value,
    label: typeLabel(value),
    hint: i18n._(TYPE_WORDING[value].help),
  }));
  const input = form.getInputProps('type');
  const group = (
    <Radio.Group
      label={propertyLabel('type')}
      withAsterisk={!fixed}
      description={fixed ? typeFixedReason : undefined}
      value={input.value as string}
      onChange={(value) => form.setFieldValue('type', value as GroupFormValues['type'])}
      error={input.error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        {typeOptions.map((option) => (
          <Radio.Card
            key={option.value}
            value={option.value}
            disabled={fixed}
            aria-label={option.label}
            className={classes.card}
            p="sm"
            radius="md"
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              {/* The group's own type keeps the filled indicator when it cannot change. */}
              <Radio.Indicator disabled={fixed && input.value !== option.value} />
              <Stack gap={2}>
                {/* Spans: a button holds phrasing content, and its title is no heading (axe p-as-heading). */}
                <Text component="span" fw={600} size="sm">
                  {option.label}
                </Text>
                <Text component="span" size="xs" c="dimmed">
                  {option.hint}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
  if (!fixed) return group;
  return (
    <Tooltip label={typeFixedReason} position="top-start">
      <div data-testid="group-type-fixed">{group}</div>
    </Tooltip>
  );
};
