import {
  Drawer as MantineDrawer,
  Modal as MantineModal,
  type DrawerProps as MantineDrawerProps,
  type ModalProps as MantineModalProps,
} from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { chooseInitialFocus, returnFocus, type InitialFocus, type Opener } from './dialog-focus';

/**
 * What the dialog opens on when none of its elements is marked `data-autofocus`: its first field (the
 * default), or its content (a panel to read first, whose fields come further down).
 */
export interface FocusProps {
  initialFocus?: InitialFocus;
}

/** Where focus was as the dialog opened, recorded by dialogs.tsx in that commit (this view may load after). */
interface OpenerProps {
  opener: RefObject<Opener | null>;
}

/**
 * Gives focus back when the dialog closes or unmounts, to where it was as it opened (`opener`): Mantine's
 * own return only follows `opened` changing on a dialog that stays mounted.
 */
const useOpenerFocus = (opened: boolean, opener: RefObject<Opener | null>) => {
  // The dialog element, kept after it closes: focus still in it, or going with it, is given back.
  const focus = useRef<{ dialog: HTMLElement | null }>({ dialog: null });
  useEffect(() => {
    if (!opened) return;
    const current = focus.current;
    return () => {
      // Read as it closes: this opening's opener, which is what the ref holds until the next.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      const from = opener.current;
      if (from) returnFocus(from, current.dialog);
    };
  }, [opened, opener]);
  const onDialog = useCallback((dialog: HTMLElement) => {
    focus.current.dialog = dialog;
  }, []);
  const dialogElement = useCallback(() => focus.current.dialog, []);
  return { onDialog, dialogElement };
};

/**
 * Escape closes only the dialog it was pressed in. Mantine's dialogs each listen on the window, so a
 * confirmation opened over a dialog (through `modals`, outside its stack) would close both; here the
 * dialog closes on an Escape from inside it, or from outside every dialog.
 */
const useEscapeCloses = (
  opened: boolean,
  closeOnEscape: boolean,
  onClose: () => void,
  dialogElement: () => HTMLElement | null,
) => {
  useWindowEvent(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || event.isComposing || !opened || !closeOnEscape || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      const inDialog = target?.closest('[role="dialog"]');
      const dialog = dialogElement();
      if (inDialog && dialog && inDialog !== dialog) return;
      // An open list (Select, Combobox) marks its Escape as its own until its handler has run: hence
      // the capture phase, as Mantine's own listener.
      if (target?.getAttribute('data-mantine-stop-propagation') === 'true') return;
      onClose();
    },
    { capture: true },
  );
};

/** Renders nothing; marks what the dialog opens on before the focus trap looks for it. */
const FocusStart = ({ initial, onDialog }: { initial: InitialFocus; onDialog: (dialog: HTMLElement) => void }) => {
  const marker = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const content = marker.current?.parentElement;
    const dialog = marker.current?.closest<HTMLElement>('[role="dialog"]');
    if (!content || !dialog) return;
    onDialog(dialog);
    return chooseInitialFocus(dialog, content, initial);
    // The choice is made once, when the dialog's content mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <span hidden ref={marker} />;
};

/**
 * Mantine's Modal that opens on its first field (or the element marked `data-autofocus`, or its content)
 * and gives focus back to its opener, or the nearest control still on screen, when it closes.
 */
export const ModalView = ({
  children,
  opened,
  initialFocus = 'field',
  closeOnEscape = true,
  opener,
  ...props
}: Omit<MantineModalProps, 'returnFocus'> & FocusProps & OpenerProps) => {
  const { onDialog, dialogElement } = useOpenerFocus(opened, opener);
  useEscapeCloses(opened, closeOnEscape, props.onClose, dialogElement);
  return (
    <MantineModal {...props} opened={opened} returnFocus={false} closeOnEscape={false}>
      <FocusStart initial={initialFocus} onDialog={onDialog} />
      {children}
    </MantineModal>
  );
};

/** Mantine's Drawer with the focus behaviour of `ModalView` above. */
export const DrawerView = ({
  children,
  opened,
  initialFocus = 'field',
  closeOnEscape = true,
  opener,
  ...props
}: Omit<MantineDrawerProps, 'returnFocus'> & FocusProps & OpenerProps) => {
  const { onDialog, dialogElement } = useOpenerFocus(opened, opener);
  useEscapeCloses(opened, closeOnEscape, props.onClose, dialogElement);
  return (
    <MantineDrawer {...props} opened={opened} returnFocus={false} closeOnEscape={false}>
      <FocusStart initial={initialFocus} onDialog={onDialog} />
      {children}
    </MantineDrawer>
  );
};
