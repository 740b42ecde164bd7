import type { DrawerProps as MantineDrawerProps, ModalProps as MantineModalProps } from '@mantine/core';
import { lazy, Suspense, useLayoutEffect, useRef, useState, type ComponentType, type RefObject } from 'react';
import { rememberOpener, type Opener } from './dialog-focus';
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

/**
 * Where focus is as the dialog opens, recorded here, in the commit that opens it: the view's code may come
 * later, when a menu that opened it has gone and taken the focus with it.
 */
const useOpener = (opened: boolean) => {
  const opener = useRef<Opener | null>(null);
  useLayoutEffect(() => {
    if (opened) opener.current = rememberOpener();
  }, [opened]);
  return opener;
};

/**
 * A dialog whose view loads when it first opens, and stays mounted from then on (for its closing
 * transition); the opener is recorded as it opens.
 */
const loadedWhenOpened = <P extends { opened: boolean }>(
  View: ComponentType<P & { opener: RefObject<Opener | null> }>,
) =>
  function Dialog(props: P) {
    const opener = useOpener(props.opened);
    return useOpenedOnce(props.opened) ? (
      <Suspense fallback={null}>
        <View {...props} opener={opener} />
      </Suspense>
    ) : null;
  };

/** Mantine's Modal, loaded when it first opens (ModalView: its focus, its Escape). */
export const Modal = loadedWhenOpened<ModalProps>(ModalView);

/** Mantine's Drawer, loaded when it first opens (DrawerView). */
export const Drawer = loadedWhenOpened<DrawerProps>(DrawerView);
