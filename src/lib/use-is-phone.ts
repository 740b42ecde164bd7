import { em, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * True below Mantine's `sm` breakpoint (where `hiddenFrom="sm"` shows), read on the first render, so a
 * phone renders the phone layout once instead of the desktop one and then again.
 */
export const useIsPhone = (): boolean => {
  const theme = useMantineTheme();
  const sm = theme.breakpoints.sm;
  // eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS media query, not words
  const query = `(max-width: ${em(parseFloat(sm) * (sm.endsWith('em') ? 16 : 1) - 0.1)})`;
  return useMediaQuery(query, typeof window !== 'undefined' && window.matchMedia(query).matches, {
    getInitialValueInEffect: false,
  });
};
