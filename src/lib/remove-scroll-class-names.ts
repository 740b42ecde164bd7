/**
 * `RemoveScroll.classNames` of react-remove-scroll, for Mantine's AppShell header, footer and aside, which
 * import only these two class names from it: the build points that import here (vite.config.ts), so the
 * first screen does not carry the scroll lock (react-remove-scroll, its scroll-bar part and use-sidecar,
 * about 3 kB brotli) that only modals and drawers use. When one opens, the real RemoveScroll gives the
 * elements with these classes the scroll bar's width, as before. A unit test keeps them equal.
 */
export const RemoveScroll = {
  classNames: {
    fullWidth: 'width-before-scroll-bar',
    zeroRight: 'right-scroll-bar-position',
  },
} as const;
