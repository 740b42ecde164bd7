import { Button, Checkbox, Group, Popover, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import type { UserExpand } from '@/api/generated/model/userExpand';
import { MEMBER_FIELDS, normaliseExpand } from './member-fields';

export interface ColumnChooserProps {
  value: readonly UserExpand[];
  onChange: (columns: UserExpand[]) => void;
}

/** Chooses the extra member columns; each is one `expand` value of the members request. */
export const ColumnChooser = ({ value, onChange }: ColumnChooserProps) => (
  <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
    <Popover.Target>
      <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
        Columns ({value.length})
      </Button>
    </Popover.Target>
    <Popover.Dropdown maw={480}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600} id="member-columns-label">
            Extra columns (each adds an expand option to the request)
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onChange([])} disabled={value.length === 0}>
            Clear
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Checkbox.Group
            aria-labelledby="member-columns-label"
            value={[...value]}
            onChange={(next) => onChange(normaliseExpand(next))}
          >
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
              {MEMBER_FIELDS.map((field) => (
                <Checkbox key={field.expand} value={field.expand} label={field.label} size="sm" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </ScrollArea.Autosize>
      </Stack>
    </Popover.Dropdown>
  </Popover>
);
