import { Button, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import type { BlockedButtonProps } from './blocked-button-view';

const BlockedButtonView = lazy(() => import('./blocked-button-view').then((m) => ({ default: m.BlockedButtonView })));

/**
 * A button the user may press in general but not now, with the reason in a tooltip that opens on hover,
 * keyboard focus and touch (blocked-button-view.tsx). The tooltip's code (the floating layer) loads when
 * such a button first shows, not with the page; until then the button is described by the reason in
 * hidden text. It looks disabled and does nothing, yet stays focusable (`aria-disabled`).
 */
export const BlockedButton = (props: BlockedButtonProps) => {
  const id = useId();
  const { reason, children, ...rest } = props;
  return (
    <Suspense
      fallback={
        <>
          <Button {...rest} data-disabled aria-disabled aria-describedby={id} onClick={(e) => e.preventDefault()}>
            {children}
          </Button>
          <VisuallyHidden id={id}>{reason}</VisuallyHidden>
        </>
      }
    >
      <BlockedButtonView {...props} />
    </Suspense>
  );
};
