import type { DrawerProps as MantineDrawerProps, ModalProps as MantineModalProps } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { FocusProps } from './dialog-views';

/*
 * The console's dialogs and drawers, whose code (Mantine's Modal and Drawer, their focus trap, scroll lock
 * and portal) loads when one first opens: a page's dialogs are closed on its first screen, and on the
 * group page they brought the floating layer's chunk along before its first rows on a phone. The views
 * (dialog-views.tsx) open on their first field and give focus back to their opener.
 */
const ModalView = lazy(() => import('./dialog-views').then((m) => ({ default: m.ModalView })));
const DrawerView = lazy(() => import('./dialog-views').then((m) => ({ default: m.DrawerView })));

export type ModalProps = Omit<MantineModalProps, 'returnFocus'> & FocusProps;
export type DrawerProps = Omit<MantineDrawerProps, 'returnFocus'> & FocusProps;

/** Whether the dialog has been opened since it mounted: from then on it stays, for its closing transition. */
const useOpenedOnce = (opened: boolean): boolean => {
  const [once, setOnce] = useState(opened);
  if (opened && !once) setOnce(true);
  return once || opened;
};

/** Mantine's Modal, loaded when it first opens (ModalView: its focus, its Escape). */
export const Modal = (props: ModalProps) =>
  useOpenedOnce(props.opened) ? (
    <Suspense fallback={null}>
      <ModalView {...props} />
    </Suspense>
  ) : null;

/** Mantine's Drawer, loaded when it first opens (DrawerView). */
export const Drawer = (props: DrawerProps) =>
  useOpenedOnce(props.opened) ? (
    <Suspense fallback={null}>
      <DrawerView {...props} />
    </Suspense>
  ) : null;
