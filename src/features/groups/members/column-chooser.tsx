import { Trans } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ColumnChooserProps } from './column-chooser-popover';
import { useAfterFirstInteraction } from '@/lib/idle';
import { useOptionalModule } from '@/lib/optional-chunk';

export type { ColumnChooserProps } from './column-chooser-popover';

// The pop-up needs Mantine's floating layer, which the members tab's first screen does not: the button
// paints plain, and the pop-up's code loads once someone uses the page (or presses the button).
const loadPopover = () => import('./column-chooser-popover');

/** Chooses the extra member columns; each is one `expand` value of the members request. */
export const ColumnChooser = ({ value, onChange }: ColumnChooserProps) => {
  const [pressed, setPressed] = useState(false);
  const plain = useRef<HTMLButtonElement>(null);
  const popover = useOptionalModule(loadPopover, useAfterFirstInteraction() || pressed);
  const count = value.length;
  if (popover)
    return <popover.ColumnChooserPopover value={value} onChange={onChange} defaultOpened={pressed} focusFrom={plain} />;
  return (
    <Button
      ref={plain}
      variant="default"
      leftSection={<IconColumns size={16} aria-hidden />}
      aria-haspopup="dialog"
      aria-expanded={false}
      onClick={() => setPressed(true)}
    >
      <Trans comment="button: choose the table's columns; the number of extra columns shown">Columns ({count})</Trans>
    </Button>
  );
};
