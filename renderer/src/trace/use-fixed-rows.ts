// A virtual list for rows of one fixed height, over any number of them: which rows are in sight follows from the
// scroll offset by arithmetic, so nothing is ever measured or kept per row. @tanstack/react-virtual kept a
// measurement per item and rebuilt it whenever the count changed — O(rows) twenty times a second under traffic:
// profiled at 2,500 MO/s it was the renderer's biggest cost (12 % self time, long tasks up to 600 ms).
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface FixedRow {
  index: number;
  /** Offset from the top of the rows (not of the scroller: a sticky header above them is not counted). */
  top: number;
}

export interface FixedRows {
  rows: FixedRow[];
  totalHeight: number;
  firstVisible: number;
  lastVisible: number;
  scrollToIndex: (index: number, align: 'auto' | 'center') => void;
  scrollToEnd: () => void;
  isAtEnd: () => boolean;
}

export function useFixedRows(options: {
  count: number;
  rowHeight: number;
  /** Height of what sits above the rows inside the scroller (a sticky header row). */
  offset: number;
  overscan: number;
  scrollRef: RefObject<HTMLElement | null>;
}): FixedRows {
  const { count, rowHeight, offset, overscan, scrollRef } = options;
  const [viewport, setViewport] = useState({ top: 0, height: 0 });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let frame: number | null = null;
    // One update per animation frame however many scroll events come.
    const read = () => {
      frame = null;
      setViewport((current) =>
        current.top === element.scrollTop && current.height === element.clientHeight ? current : { top: element.scrollTop, height: element.clientHeight },
      );
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      resize.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);

  const firstVisible = Math.max(0, Math.floor((viewport.top - offset) / rowHeight));
  const lastVisible = Math.min(count - 1, Math.ceil((viewport.top + viewport.height - offset) / rowHeight) - 1);
  const rows: FixedRow[] = [];
  for (let index = Math.max(0, firstVisible - overscan); index <= Math.min(count - 1, lastVisible + overscan); index += 1) {
    rows.push({ index, top: index * rowHeight });
  }

  const scrollToIndex = useCallback(
    (index: number, align: 'auto' | 'center') => {
      const element = scrollRef.current;
      if (!element) return;
      const rowTop = offset + index * rowHeight;
      const height = element.clientHeight;
      if (align === 'center') element.scrollTop = Math.max(0, rowTop - (height - rowHeight) / 2);
      else if (rowTop < element.scrollTop + offset) element.scrollTop = rowTop - offset;
      else if (rowTop + rowHeight > element.scrollTop + height) element.scrollTop = rowTop + rowHeight - height;
    },
    [scrollRef, offset, rowHeight],
  );
  // Both from what is known here, never read back from the DOM: reading scrollHeight right after a commit forced a
  // layout of the whole page inside the commit (profiled: the largest part of the long tasks under a burst).
  const totalHeight = count * rowHeight;
  const scrollToEnd = useCallback(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = offset + totalHeight; // the browser clamps it to the end
  }, [scrollRef, offset, totalHeight]);
  const isAtEnd = useCallback(
    () => viewport.height === 0 || viewport.top + viewport.height >= offset + totalHeight - rowHeight,
    [viewport, offset, totalHeight, rowHeight],
  );

  return { rows, totalHeight, firstVisible, lastVisible: Math.max(firstVisible, lastVisible), scrollToIndex, scrollToEnd, isAtEnd };
}
