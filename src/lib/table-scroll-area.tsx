import { forwardRef, type HTMLAttributes } from 'react';

/** ScrollArea's own props, which a native scroller has no use for. */
interface ScrollAreaOnlyProps {
  offsetScrollbars?: unknown;
  scrollbars?: unknown;
  scrollbarSize?: unknown;
  scrollHideDelay?: unknown;
  type?: unknown;
  viewportRef?: unknown;
  viewportProps?: unknown;
  onScrollPositionChange?: unknown;
}

/**
 * What Mantine's `Table.ScrollContainer` takes from ScrollArea, for its `type="scrollarea"`: the build
 * points Table's import here (vite.config.ts), so every page with a Mantine Table (the group list, the
 * first screen) does not carry ScrollArea (about 4 kB brotli). The console's theme makes the container
 * scroll natively (`type: 'native'`), which never renders this; asked for, it is a native scroller too.
 * Pages that use ScrollArea themselves still get Mantine's.
 */
export const ScrollArea = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement> & ScrollAreaOnlyProps>(
  (
    {
      offsetScrollbars: _offsetScrollbars,
      scrollbars: _scrollbars,
      scrollbarSize: _scrollbarSize,
      scrollHideDelay: _scrollHideDelay,
      type: _type,
      viewportRef: _viewportRef,
      viewportProps: _viewportProps,
      onScrollPositionChange: _onScrollPositionChange,
      style,
      ...rest
    },
    ref,
  ) => <div ref={ref} {...rest} style={{ overflow: 'auto', ...style }} />,
);
// eslint-disable-next-line lingui/no-unlocalized-strings -- the component's name in React's developer tools
ScrollArea.displayName = 'TableScrollArea';
