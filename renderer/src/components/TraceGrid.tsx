// The PDU list: an ARIA grid virtualised (use-fixed-rows.ts: fixed-height rows, by arithmetic) over the whole view — stored rows paged in
// as they come into sight (trace-view.ts), the live tail after them — end-anchored like a log. It follows the tail
// while "Follow" is on; scrolling up (or selecting an older row) turns following off, scrolling back to the
// bottom turns it on again. Keys: arrows, Page Up/Down, Home/End select; P goes to the selected row's response or
// request. Shift with a click or an arrow selects the rows in between (an export of the selection takes them).
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type PointerEvent, type WheelEvent } from 'react';
import { useConsole, useConsoleStore } from '../store/console-context';
import { labelOf, sessionLabels } from '../trace/session-labels';
import { indexInWindow, rowAt, viewLength } from '../trace/trace-view';
import { useFixedRows } from '../trace/use-fixed-rows';
import { TRACE_COLUMN_COUNT, TraceHeaderRow, TracePlaceholderRow, TraceRow } from './TraceRow';

const ROW_HEIGHT = 22;
/** The sticky header row sits inside the scroller, above the virtual rows. */
const HEADER_HEIGHT = ROW_HEIGHT;
const OVERSCAN = 10;
/** More than ever rendered at once (a tall window's rows plus overscan), so slots never collide. */
const ROW_SLOTS = 512;

export function TraceGrid() {
  const store = useConsoleStore();
  // The view is mutable and bounded; its version says when it changed.
  useConsole((state) => state.traceVersion);
  const view = useConsole((state) => state.traceView);
  const selectedId = useConsole((state) => state.selectedTraceId);
  const followTail = useConsole((state) => state.followTail);
  const sort = useConsole((state) => state.traceSort);
  const scrollTarget = useConsole((state) => state.scrollTarget);
  const sessions = useConsole((state) => state.sessions);
  const storedSessions = useConsole((state) => state.traceSessions);
  const labels = useMemo(() => sessionLabels(sessions, storedSessions), [sessions, storedSessions]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastScrollTop = useRef(0);
  /** A row the keyboard moved to, focused once the virtualiser has rendered it. */
  const pendingFocusId = useRef<number | null>(null);

  const count = viewLength(view);
  const virtual = useFixedRows({ count, rowHeight: ROW_HEIGHT, offset: HEADER_HEIGHT, overscan: OVERSCAN, scrollRef });
  const firstIndex = virtual.rows[0]?.index ?? 0;
  const lastIndex = virtual.rows.at(-1)?.index ?? -1;

  // Rows in sight that are not loaded yet are asked for (a page at a time) once the list has rendered.
  useEffect(() => {
    if (lastIndex >= 0) store.getState().requestTraceRows(firstIndex - OVERSCAN, lastIndex + OVERSCAN);
  });

  // Belt and braces for followOnAppend: whenever following, the last row must end up in view (also on mount,
  // on the first count and when Follow is switched back on).
  useLayoutEffect(() => {
    if (followTail && count > 0 && !virtual.isAtEnd()) virtual.scrollToEnd();
  }, [followTail, count, virtual]);

  useLayoutEffect(() => {
    if (scrollTarget === null) return;
    virtual.scrollToIndex(scrollTarget, 'center');
    const id = rowAt(view, scrollTarget)?.id;
    if (id !== undefined) pendingFocusId.current = id;
    store.getState().scrolledTo();
  }, [scrollTarget, virtual, view, store]);

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
    // Only a move up is the user's: following only ever moves the view down or keeps it.
    const movedUp = element.scrollTop < lastScrollTop.current - 1;
    lastScrollTop.current = element.scrollTop;
    const { followTail: following, setFollowTail, traceSort } = store.getState();
    if (traceSort !== 'time') return;
    if (atEnd && !following) setFollowTail(true);
    else if (movedUp && !atEnd && following) setFollowTail(false);
  };

  // The user's own move up ends following at once. Waiting for the scroll event is not enough under traffic: the
  // next batch's scroll-to-end lands first and the move is lost (seen in the burst benchmark: several wheel turns
  // before Follow let go).
  const pauseFollowing = () => {
    const { followTail: following, setFollowTail, traceSort } = store.getState();
    if (following && traceSort === 'time') setFollowTail(false);
  };
  const onWheel = (event: WheelEvent) => {
    if (event.deltaY < 0) pauseFollowing();
  };
  // A press on the scrollbar (the scroller itself, not a row) is a drag about to start.
  const onPointerDown = (event: PointerEvent) => {
    if (event.target === scrollRef.current) pauseFollowing();
  };

  /** Selects a row; `extend` (Shift) makes the rows from the anchor to it the selection, for an export. */
  const selectIndex = (index: number, focus: boolean, extend = false) => {
    const { traceView, selectTrace, setFollowTail, traceSort, traceRange, selectedTraceId, setTraceRange } = store.getState();
    const length = viewLength(traceView);
    const clamped = Math.max(0, Math.min(length - 1, index));
    const record = rowAt(traceView, clamped);
    if (record === undefined) return;
    const anchorIndex = traceRange?.anchorIndex ?? (selectedTraceId === null ? -1 : indexInWindow(traceView, selectedTraceId));
    if (extend && traceSort === 'time' && anchorIndex >= 0) {
      setTraceRange({ anchorIndex, anchorId: traceRange?.anchorId ?? selectedTraceId!, focusIndex: clamped, focusId: record.id });
    } else setTraceRange(null);
    // Inspecting an older PDU pauses following, or the batch after next would carry it out of view.
    if (traceSort === 'time') setFollowTail(clamped === length - 1);
    void selectTrace(record.id);
    if (focus) {
      pendingFocusId.current = record.id;
      virtual.scrollToIndex(clamped, 'auto');
    }
  };

  const rowIndexOf = (target: EventTarget): number => {
    const row = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    return row === null ? -1 : Number(row.dataset.index);
  };

  const onClick = (event: MouseEvent) => {
    const index = rowIndexOf(event.target);
    if (index >= 0) selectIndex(index, false, event.shiftKey);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = rowIndexOf(event.target);
    if (index < 0) return;
    if (event.key === 'p' || event.key === 'P') {
      event.preventDefault();
      void store.getState().goToPaired();
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
      Enter: index,
      ' ': index,
    };
    const next = Object.hasOwn(moves, event.key) ? moves[event.key] : undefined;
    if (next === undefined) return;
    event.preventDefault();
    selectIndex(next, true, event.shiftKey);
  };

  const selectedIndex = selectedId === null ? -1 : indexInWindow(view, selectedId);
  const range = useConsole((state) => state.traceRange);
  const inRange = (index: number) =>
    range !== null && index >= Math.min(range.anchorIndex, range.focusIndex) && index <= Math.max(range.anchorIndex, range.focusIndex);
  // Roving tabindex: one row takes Tab — the selected one when it is rendered, else the first row in view.
  const tabbableIndex =
    selectedIndex >= firstIndex && selectedIndex <= lastIndex ? selectedIndex : virtual.firstVisible;

  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        aria-label="PDU trace"
        aria-rowcount={count + 1}
        aria-colcount={TRACE_COLUMN_COUNT}
        aria-keyshortcuts="P"
        aria-multiselectable="true"
        className="trace-grid"
        onScroll={onScroll}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
      >
        <div role="rowgroup" className="trace-head">
          <TraceHeaderRow sortedByRtt={sort === 'rtt'} onSortByRtt={() => store.getState().setTraceSort(sort === 'rtt' ? 'time' : 'rtt')} />
        </div>
        <div role="rowgroup" className="trace-body" style={{ height: virtual.totalHeight }} onClick={onClick} onKeyDown={onKeyDown}>
          {virtual.rows.map(({ index, top }) => {
            const record = rowAt(view, index);
            // Keyed by slot, not by row: when the view moves (following a busy tail moves it a screenful a frame),
            // the same DOM rows are moved and their text changed, instead of a screenful removed and another built.
            const slot = index % ROW_SLOTS;
            if (record === undefined) return <TracePlaceholderRow key={slot} index={index} top={top} />;
            return (
              <TraceRow
                key={slot}
                record={record}
                session={labelOf(labels, record.sessionId)}
                index={index}
                top={top}
                selected={index === selectedIndex || inRange(index)}
                tabbable={index === tabbableIndex}
              />
            );
          })}
        </div>
      </div>
      {view.total === 0 && count === 0 && <p className="muted">No PDUs {view.filter && Object.keys(view.filter).length > 0 ? 'match this filter' : 'yet: connect a session to see its traffic'}.</p>}
    </>
  );
}
