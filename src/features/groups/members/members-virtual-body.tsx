import { Table } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type ReactNode } from 'react';

/** A member row's height before it is measured (44 px with one line of text, 54 px with two). */
const ESTIMATED_ROW_HEIGHT = 50;

/**
 * The rows to render. A long page (up to 500 members, 5,000+ cells) renders only the rows in and
 * near the viewport, scrolled with the window, with spacer rows keeping the table's height: a full
 * render and the layout of the whole table each took seconds. A page up to `VIRTUALISE_ABOVE` rows
 * renders every row (find in page, printing): members-table.tsx.
 *
 * The first rendered row is always at an even index and follows two spacer rows, so each row keeps
 * its place in the table's odd/even striping (`:nth-of-type`) while scrolling.
 */
const useVirtualRows = (count: number) => {
  const [body, attachBody] = useState<HTMLTableSectionElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (!body) return;
    const measure = () => {
      const top = body.getBoundingClientRect().top + window.scrollY;
      setScrollMargin((current) => (Math.abs(current - top) > 1 ? top : current));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [body]);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 10,
    scrollMargin,
    rangeExtractor: ({ startIndex, endIndex, overscan, count: total }) => {
      const start = Math.max(0, startIndex - overscan);
      const first = start - (start % 2);
      const last = Math.min(total - 1, endIndex + overscan);
      return Array.from({ length: last - first + 1 }, (_, k) => first + k);
    },
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0]!.start - scrollMargin : 0;
  const after = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - scrollMargin) : 0;
  return {
    attachBody,
    indexes: items.map((item) => item.index),
    before,
    after,
    measure: virtualizer.measureElement,
  };
};

/** Two rows, so the first rendered member row is the third (odd) row, as at index 0. */
const Spacers = ({ height }: { height: number }) =>
  height > 0 ? (
    <>
      <tr aria-hidden style={{ height }} />
      <tr aria-hidden />
    </>
  ) : null;

export interface VirtualBodyProps {
  /** The page's rows. */
  count: number;
  /** The row at an index, measured through `measureRef` once rendered. */
  row: (index: number, measureRef: (element: HTMLTableRowElement | null) => void) => ReactNode;
}

/** A long page's table body: the rows in and near the viewport, between spacer rows. */
export function VirtualBody({ count, row }: VirtualBodyProps) {
  const { attachBody, indexes, before, after, measure } = useVirtualRows(count);
  return (
    <Table.Tbody ref={attachBody}>
      <Spacers height={before} />
      {indexes.map((i) => row(i, measure))}
      {after > 0 ? <tr aria-hidden style={{ height: after }} /> : null}
    </Table.Tbody>
  );
}
