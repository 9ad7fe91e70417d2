// The PDU trace as the renderer holds it: a bounded window of the newest summaries (details stay on the main
// side until asked for), whether the list follows the tail, and the selected PDU's decoded detail.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, TraceDetail, TraceSummary } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';

/** How many summaries the renderer keeps; older ones are dropped (the main side still has them). */
export const TRACE_WINDOW = 20_000;

export type TraceDetailState =
  | { status: 'idle' }
  | { status: 'loading'; id: number }
  | { status: 'ready'; detail: TraceDetail }
  | { status: 'error'; id: number; message: string };

export interface TraceSlice {
  /** Oldest first, ids ascending. */
  trace: TraceSummary[];
  /** How many summaries have been dropped off the front so far: lets the list keep its place when that happens. */
  traceDropped: number;
  followTail: boolean;
  selectedTraceId: number | null;
  traceDetail: TraceDetailState;
  appendTrace: (batch: readonly TraceSummary[]) => void;
  loadTrace: (recent: readonly TraceSummary[]) => void;
  setFollowTail: (follow: boolean) => void;
  selectTrace: (id: number) => Promise<void>;
}

export function createTraceSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], TraceSlice> {
  return (set, get) => ({
    trace: [],
    traceDropped: 0,
    followTail: true,
    selectedTraceId: null,
    traceDetail: { status: 'idle' },
    appendTrace: (batch) =>
      set((state) => {
        // Ids only grow, so anything at or below the last one is a repeat (start-up load racing the first batch).
        const lastId = state.trace.at(-1)?.id ?? -Infinity;
        const fresh = (batch[0]?.id ?? -Infinity) > lastId ? batch : batch.filter((record) => record.id > lastId);
        if (fresh.length === 0) return {};
        return bounded(state.trace.concat(fresh), state.traceDropped);
      }),
    loadTrace: (recent) =>
      set((state) => {
        const lastLoaded = recent.at(-1)?.id ?? -Infinity;
        return bounded(recent.concat(state.trace.filter((record) => record.id > lastLoaded)), state.traceDropped);
      }),
    setFollowTail: (followTail) => set({ followTail }),
    selectTrace: async (id) => {
      const current = get().traceDetail;
      if (get().selectedTraceId === id && current.status !== 'error') return;
      set({ selectedTraceId: id, traceDetail: { status: 'loading', id } });
      try {
        const detail = await api.traceDetail({ id });
        // Arrow keys move faster than the host answers: only the answer for the row still selected counts.
        if (get().selectedTraceId === id) set({ traceDetail: { status: 'ready', detail } });
      } catch (error) {
        if (get().selectedTraceId === id) set({ traceDetail: { status: 'error', id, message: errorMessage(error) } });
      }
    },
  });
}

function bounded(trace: TraceSummary[], dropped: number): Pick<TraceSlice, 'trace' | 'traceDropped'> {
  const excess = trace.length - TRACE_WINDOW;
  return excess > 0 ? { trace: trace.slice(excess), traceDropped: dropped + excess } : { trace, traceDropped: dropped };
}
