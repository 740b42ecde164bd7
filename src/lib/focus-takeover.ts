import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * A control loaded after the first screen takes the keyboard's focus over from the plain control it
 * replaces (`from`), when that one had it: the first render reads it while the plain one is still on
 * screen. The header's menus and the members tab's column chooser paint plain first.
 */
export const useFocusTakenOver = (
  from: RefObject<HTMLElement | null> | undefined,
  to: RefObject<HTMLElement | null>,
) => {
  const [takeFocus] = useState(() => !!from?.current && from.current === document.activeElement);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (takeFocus && (!active || active === document.body)) to.current?.focus();
  }, [takeFocus, to]);
};
