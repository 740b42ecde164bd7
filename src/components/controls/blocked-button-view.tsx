import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

export type BlockedButtonProps = ButtonProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps | 'onClick'> & { reason: string; children: ReactNode };

/**
 * BlockedButton with its tooltip (Mantine's floating layer): a button the user may press in general but not now, with the reason in a tooltip that opens on hover,
 * keyboard focus and touch. It looks disabled and does nothing, yet stays focusable (`aria-disabled`,
 * not `disabled`), so keyboard and screen-reader users reach it and learn why.
 */
export const BlockedButtonView = ({ reason, children, ...props }: BlockedButtonProps) => (
  <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }}>
    <Button {...props} data-disabled aria-disabled onClick={(e) => e.preventDefault()}>
      {children}
    </Button>
  </Tooltip>
);
