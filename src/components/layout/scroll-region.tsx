import { useLingui } from '@lingui/react/macro';
import { ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';

/** A scrollable box for a long table; the viewport takes keyboard focus so it can be scrolled. */
export const ScrollRegion = ({ label, children }: { label: string; children: ReactNode }) => {
  const { t } = useLingui();
  return (
    <ScrollArea.Autosize
      mah={280}
      type="auto"
      viewportProps={{
        tabIndex: 0,
        role: 'region',
        'aria-label': t({
          message: `${label}, scrollable`,
          comment: "a scrollable box's name: {label} names what it holds",
        }),
      }}
    >
      {children}
    </ScrollArea.Autosize>
  );
};
