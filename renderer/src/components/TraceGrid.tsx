// The PDU list: an ARIA grid virtualised with @tanstack/react-virtual, end-anchored like a log. It follows the
// tail while "Follow" is on; scrolling up (or selecting an older row) turns following off, scrolling back to
// the bottom turns it on again. When old rows drop off the front, the rows in view stay put.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useConsole, useConsoleStore } from '../store/console-context';
import { indexOfTraceId } from '../trace/find-by-id';
import { TRACE_COLUMN_COUNT, TraceHeaderRow, TraceRow } from './TraceRow';

const ROW_HEIGHT = 22;
/** The sticky header row sits inside the scroller, above the virtual rows. */
const HEADER_HEIGHT = ROW_HEIGHT;

export function TraceGrid() {
  const store = useConsoleStore();
  const trace = useConsole((state) => state.trace);
  const selectedId = useConsole((state) => state.selectedTraceId);
  const followTail = useConsole((state) => state.followTail);
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastScrollTop = useRef(0);
  /** A row the keyboard moved to, focused once the virtualiser has rendered it. */
  const pendingFocusId = useRef<number | null>(null);

  const getItemKey = useCallback((index: number) => trace[index]?.id ?? -index, [trace]);
  const virtualizer = useVirtualizer({
    count: trace.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    scrollMargin: HEADER_HEIGHT,
    anchorTo: 'end',
    followOnAppend: followTail,
    scrollEndThreshold: ROW_HEIGHT,
    overscan: 10,
  });

  // Belt and braces for followOnAppend: whenever following, the last row must end up in view (also on mount,
  // on the start-up load and when Follow is switched back on).
  useLayoutEffect(() => {
    if (followTail && trace.length > 0 && !virtualizer.isAtEnd()) virtualizer.scrollToEnd();
  }, [followTail, trace, virtualizer]);

  useLayoutEffect(() => {
    const id = pendingFocusId.current;
    if (id === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-id="${id}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocusId.current = null;
    }
  });

  const onScroll = () => {
    const element = scrollRef.current;
    if (element === null) return;
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight <= ROW_HEIGHT;
    // Only a move up is the user's: following and trimming only ever move the view down or keep it.
    const movedUp = element.scrollTop < lastScrollTop.current - 1;
    lastScrollTop.current = element.scrollTop;
    const { followTail: following, setFollowTail } = store.getState();
    if (atEnd && !following) setFollowTail(true);
    else if (movedUp && !atEnd && following) setFollowTail(false);
  };

  const selectIndex = (index: number, focus: boolean) => {
    const { trace: rows, selectTrace, setFollowTail } = store.getState();
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    const record = rows[clamped];
    if (record === undefined) return;
    // Inspecting an older PDU pauses following, or the batch after next would carry it out of view.
    setFollowTail(clamped === rows.length - 1);
    void selectTrace(record.id);
    if (focus) {
      pendingFocusId.current = record.id;
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    }
  };

  const rowIndexOf = (target: EventTarget): number => {
    const row = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    return row === null ? -1 : Number(row.dataset.index);
  };

  const onClick = (event: MouseEvent) => {
    const index = rowIndexOf(event.target);
    if (index >= 0) selectIndex(index, false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = rowIndexOf(event.target);
    if (index < 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: trace.length - 1,
      Enter: index,
      ' ': index,
    };
    const next = Object.hasOwn(moves, event.key) ? moves[event.key] : undefined;
    if (next === undefined) return;
    event.preventDefault();
    selectIndex(next, true);
  };

  const items = virtualizer.getVirtualItems();
  const selectedIndex = indexOfTraceId(trace, selectedId);
  // Roving tabindex: one row takes Tab — the selected one when it is rendered, else the first row in view.
  const firstRendered = items[0]?.index ?? 0;
  const lastRendered = items.at(-1)?.index ?? -1;
  const tabbableIndex =
    selectedIndex >= firstRendered && selectedIndex <= lastRendered
      ? selectedIndex
      : (virtualizer.range?.startIndex ?? firstRendered);

  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        aria-label="PDU trace"
        aria-rowcount={trace.length + 1}
        aria-colcount={TRACE_COLUMN_COUNT}
        className="trace-grid"
        onScroll={onScroll}
      >
        <div role="rowgroup" className="trace-head">
          <TraceHeaderRow />
        </div>
        <div
          role="rowgroup"
          className="trace-body"
          style={{ height: virtualizer.getTotalSize() }}
          onClick={onClick}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => {
            const record = trace[item.index];
            if (record === undefined) return null;
            return (
              <TraceRow
                key={item.key}
                record={record}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                selected={item.index === selectedIndex}
                tabbable={item.index === tabbableIndex}
              />
            );
          })}
        </div>
      </div>
      {trace.length === 0 && <p className="muted">No PDUs yet: connect a session to see its traffic.</p>}
    </>
  );
}
