import { i18n } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Checkbox, Group, Popover, ScrollArea, SimpleGrid, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useRef, useState, type RefObject } from 'react';
import type { UserExpand } from '@/api/generated/model/userExpand';
import { useFocusTakenOver } from '@/lib/focus-takeover';
import { MEMBER_FIELDS, normaliseExpand } from '../core/member-fields';

export interface ColumnChooserProps {
  value: readonly UserExpand[];
  onChange: (columns: UserExpand[]) => void;
}

/**
 * The ticked columns follow a click at once: `value` comes from the URL, which the router updates a
 * moment later (in a transition), and a controlled checkbox would show the old state until then.
 */
const useImmediateValue = (value: readonly UserExpand[]) => {
  const [shown, setShown] = useState(value);
  const [source, setSource] = useState(value);
  if (source.join() !== value.join()) {
    setSource(value);
    setShown(value);
  }
  return [shown, setShown] as const;
};

/**
 * The column chooser's pop-up (Mantine's Popover and floating layer), which replaces the plain button
 * once loaded. `defaultOpened`: the plain button was pressed before; `focusFrom`: the plain button, whose
 * keyboard focus the Popover's button takes over.
 */
export const ColumnChooserPopover = ({
  value,
  onChange,
  defaultOpened = false,
  focusFrom,
}: ColumnChooserProps & { defaultOpened?: boolean; focusFrom?: RefObject<HTMLElement | null> }) => {
  const { t } = useLingui();
  const button = useRef<HTMLButtonElement>(null);
  useFocusTakenOver(focusFrom, button);
  const [shown, setShown] = useImmediateValue(value);
  const count = shown.length;
  const change = (next: UserExpand[]) => {
    setShown(next);
    onChange(next);
  };
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus defaultOpened={defaultOpened}>
      <Popover.Target>
        <Button ref={button} variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          <Trans comment="button: choose the table's columns; the number of extra columns shown">
            Columns ({count})
          </Trans>
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={480}>
        <Stack gap="xs">
          <ScrollArea.Autosize mah={360}>
            <Checkbox.Group
              label={t`Extra columns`}
              description={t`Each adds an expand option to the members request.`}
              value={[...shown]}
              onChange={(next) => change(normaliseExpand(next))}
            >
              <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
                {MEMBER_FIELDS.map((field) => (
                  <Checkbox key={field.expand} value={field.expand} label={i18n._(field.label)} size="sm" />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button size="compact-xs" variant="subtle" onClick={() => change([])} disabled={shown.length === 0}>
              <Trans>Clear columns</Trans>
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
};
