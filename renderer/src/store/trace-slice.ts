// The Trace region's state: the view over the stored trace (trace/trace-view.ts: a counted snapshot paged in as it
// scrolls, plus the live tail), the filter bar's filter and the order, following the tail (and how many rows came
// while not following), the selection with its decoded detail, and per-session statistics. The view is mutable
// and bounded; `traceVersion` changes whenever it does, so components re-render once per change, not per row.
import type { StateCreator } from 'zustand';
import type {
  ConsoleApi,
  SessionTraceStats,
  TraceDetail,
  TraceEventBatch,
  TraceSessionInfo,
  TraceSort,
} from '../../../shared/contract';
import { canonicalFilter, type TraceFilter } from '../../../shared/trace-filter';
import { errorMessage } from '../api/call-error';
import {
  appendLive,
  applyUpdates,
  emptyView,
  indexInWindow,
  missingPages,
  PAGE_SIZE,
  rebase,
  storePage,
  touchPages,
  viewLength,
  type TraceView,
} from '../trace/trace-view';
import type { ConsoleState } from './console-store';

export type TraceDetailState =
  | { status: 'idle' }
  | { status: 'loading'; id: number }
  | { status: 'ready'; detail: TraceDetail; inView: boolean }
  | { status: 'error'; id: number; message: string };

export interface TraceSlice {
  traceView: TraceView;
  traceVersion: number;
  /** What the filter bar says (the view adds the session scope to it). */
  traceFilter: TraceFilter;
  traceSort: TraceSort;
  traceCountError: string | null;
  followTail: boolean;
  /** Rows that joined the view while it was not following. */
  newRows: number;
  selectedTraceId: number | null;
  /**
   * Rows Shift-selected with the selected one (time order only): view positions for the display, ids for an
   * export of the selection. Any new view clears it.
   */
  traceRange: TraceRange | null;
  setTraceRange: (range: TraceRange | null) => void;
  /** A position the list should bring into view (go to request/response, N new ↓); cleared once done. */
  scrollTarget: number | null;
  traceDetail: TraceDetailState;
  traceSessions: TraceSessionInfo[];
  traceStats: Record<string, SessionTraceStats>;
  /** Sessions clicked in the Sessions region scope the Trace, Sent and Inbox to one session. */
  scopeSessionId: string | null;
  setTraceFilter: (filter: TraceFilter) => void;
  setTraceSort: (sort: TraceSort) => void;
  setScope: (sessionId: string | null) => void;
  /** Counts the view afresh (start-up, filter change, pruning). */
  refreshTrace: () => Promise<void>;
  receiveTrace: (batch: TraceEventBatch) => void;
  receiveTraceStats: (stats: SessionTraceStats[]) => void;
  loadTraceSessions: () => Promise<void>;
  /** The list shows positions from…to: fetch the pages it lacks. */
  requestTraceRows: (from: number, to: number) => void;
  setFollowTail: (follow: boolean) => void;
  selectTrace: (id: number) => Promise<void>;
  /** From the selected row to its response or request (or timeout note). */
  goToPaired: () => Promise<void>;
  /** Selects a row and scrolls to it when the view holds it (else its detail shows, marked as outside the view). */
  goToTraceRow: (id: number) => Promise<void>;
  scrolledTo: () => void;
  /** Back to the newest row (N new ↓). */
  scrollToTail: () => void;
}

export interface TraceRange {
  anchorIndex: number;
  anchorId: number;
  focusIndex: number;
  focusId: number;
}

/** Rows in a range, both ends counted. */
export const rangeCount = (range: TraceRange) => Math.abs(range.focusIndex - range.anchorIndex) + 1;

export function createTraceSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], TraceSlice> {
  return (set, get) => {
    const changed = () => set((state) => ({ traceVersion: state.traceVersion + 1 }));
    const effectiveFilter = (state: ConsoleState): TraceFilter =>
      canonicalFilter(state.scopeSessionId === null ? state.traceFilter : { ...state.traceFilter, sessionIds: [state.scopeSessionId] });
    let rebasing = false;

    /** A later snapshot for the same view: the stored part grows, the live tail shrinks. */
    const rebaseView = async () => {
      const view = get().traceView;
      if (rebasing || view.total < 0) return;
      rebasing = true;
      try {
        const { total, snapshotId } = await api.traceCount({ filter: view.filter, sort: view.sort });
        if (get().traceView.generation === view.generation && snapshotId >= view.snapshotId) {
          rebase(view, total, snapshotId);
          changed();
        }
      } catch (error) {
        set({ traceCountError: errorMessage(error) });
      } finally {
        rebasing = false;
      }
    };

    return {
      traceView: emptyView({}, 'time', 0),
      traceVersion: 0,
      traceFilter: {},
      traceSort: 'time',
      traceCountError: null,
      followTail: true,
      newRows: 0,
      selectedTraceId: null,
      traceRange: null,
      setTraceRange: (traceRange) => set({ traceRange }),
      scrollTarget: null,
      traceDetail: { status: 'idle' },
      traceSessions: [],
      traceStats: {},
      scopeSessionId: null,
      setTraceFilter: (traceFilter) => {
        set({ traceFilter });
        void get().refreshTrace();
      },
      setTraceSort: (traceSort) => {
        // Sorted by round trip the view is a snapshot: following the tail means nothing there.
        set({ traceSort, followTail: traceSort === 'time' });
        void get().refreshTrace();
      },
      setScope: (scopeSessionId) => {
        set({ scopeSessionId });
        void get().refreshTrace();
        void get().reloadMessages();
        void get().reloadInbox();
      },
      refreshTrace: async () => {
        const state = get();
        const view = emptyView(effectiveFilter(state), state.traceSort, state.traceView.generation + 1);
        set({ traceView: view, traceVersion: state.traceVersion + 1, traceCountError: null, newRows: 0, traceRange: null });
        try {
          const { total, snapshotId } = await api.traceCount({ filter: view.filter, sort: view.sort });
          if (get().traceView !== view) return;
          view.total = total;
          view.snapshotId = snapshotId;
          changed();
        } catch (error) {
          if (get().traceView === view) set({ traceCountError: errorMessage(error) });
        }
      },
      receiveTrace: (batch) => {
        const view = get().traceView;
        // Rows first: an update in this batch may be for a request that arrived in it.
        const { added, full } = appendLive(view, batch.rows);
        let dirty = applyUpdates(view, batch.updates);
        if (added > 0) {
          dirty = true;
          if (!get().followTail) set((state) => ({ newRows: state.newRows + added }));
        }
        if (dirty) changed();
        // What this client was not sent, and a tail grown too long, are both the store's to hold: re-count.
        if (full || batch.skipped > 0) void rebaseView();
      },
      receiveTraceStats: (stats) =>
        set((state) => ({ traceStats: { ...state.traceStats, ...Object.fromEntries(stats.map((s) => [s.sessionId, s])) } })),
      loadTraceSessions: async () => {
        try {
          set({ traceSessions: await api.traceSessions() });
        } catch (error) {
          get().reportLoadError(`Could not load the trace's sessions: ${errorMessage(error)}`);
        }
      },
      requestTraceRows: (from, to) => {
        const view = get().traceView;
        const inSight = new Set<number>();
        for (let page = Math.floor(Math.max(0, from) / PAGE_SIZE); page * PAGE_SIZE <= to; page += 1) inSight.add(page);
        touchPages(view, inSight);
        for (const page of missingPages(view, from, to)) {
          view.loading.add(page);
          const { filter, sort, snapshotId } = view;
          api.tracePage({ filter, sort, snapshotId, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
            (rows) => {
              if (get().traceView !== view) return;
              storePage(view, page, rows, inSight);
              changed();
            },
            (error: unknown) => {
              view.loading.delete(page);
              if (get().traceView === view) set({ traceCountError: `Could not load trace rows: ${errorMessage(error)}` });
            },
          );
        }
      },
      setFollowTail: (followTail) => set(followTail ? { followTail, newRows: 0 } : { followTail }),
      selectTrace: async (id) => {
        const current = get().traceDetail;
        if (get().selectedTraceId === id && current.status !== 'error') return;
        set({ selectedTraceId: id, traceDetail: { status: 'loading', id } });
        try {
          const detail = await api.traceDetail({ id });
          // Arrow keys move faster than the host answers: only the answer for the row still selected counts.
          if (get().selectedTraceId === id) set({ traceDetail: { status: 'ready', detail, inView: true } });
        } catch (error) {
          if (get().selectedTraceId === id) set({ traceDetail: { status: 'error', id, message: errorMessage(error) } });
        }
      },
      goToPaired: async () => {
        const detail = get().traceDetail;
        if (detail.status !== 'ready') return;
        const target = detail.detail.responseId ?? detail.detail.requestId;
        if (target !== null) await get().goToTraceRow(target);
      },
      goToTraceRow: async (target) => {
        const view = get().traceView;
        let position = indexInWindow(view, target);
        if (position < 0 && target <= view.snapshotId) {
          const found = await api.tracePosition({ filter: view.filter, sort: view.sort, snapshotId: view.snapshotId, id: target });
          position = found.position ?? -1;
        }
        set({ followTail: position >= 0 && position === viewLength(view) - 1 && get().followTail });
        await get().selectTrace(target);
        const after = get().traceDetail;
        if (after.status === 'ready' && position < 0) set({ traceDetail: { ...after, inView: false } });
        if (position >= 0) set({ scrollTarget: position });
      },
      scrolledTo: () => set({ scrollTarget: null }),
      scrollToTail: () => set((state) => ({ scrollTarget: Math.max(0, viewLength(state.traceView) - 1), newRows: 0 })),
    };
  };
}
