// The Load section's run: starting one (a CSV file is first sent in pieces, so a large one never has to fit one
// WebSocket frame), stopping it, and following it from loadRun events. Each event carries only the newest points;
// they are merged here by second, so a skipped event loses nothing, and a gap longer than an event covers (a tab
// that slept) is filled from loadStatus. The chart reads loadPoints; everything else reads loadRun.
import type { StateCreator } from 'zustand';
import { MAX_LOAD_POINTS, type ConsoleApi, type LoadPoint, type LoadRequest, type LoadRunView } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { uploadFile } from './upload-file';

/** Within a WebSocket frame's limit with base64's third on top (as the capture import sends). */

/** What the Load section asks for: the request, with a CSV as the file the user chose. */
export type LoadChoice = Omit<LoadRequest, 'source'> & {
  source: Extract<LoadRequest['source'], { kind: 'count' }> | { kind: 'file'; file: File; sourceAddr: string };
};

export type LoadOutcome =
  | { status: 'idle' }
  | { status: 'starting'; sent: number; total: number }
  | { status: 'failed'; message: string; field: string | null };

export interface LoadSlice {
  /** The latest run's latest view (null until one ran in this console's life). */
  loadRun: LoadRunView | null;
  loadPoints: LoadPoint[];
  loadOutcome: LoadOutcome;
  startLoad: (choice: LoadChoice) => Promise<void>;
  stopLoad: () => Promise<void>;
  receiveLoadRun: (view: LoadRunView) => void;
  /** At start-up: a run started earlier (another window, before a reload) shows as it stands. */
  loadLatestRun: () => Promise<void>;
}

export function createLoadSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], LoadSlice> {
  return (set, get) => {
    const refill = async (runId: string) => {
      const full = await api.loadStatus({ runId }).catch((error: unknown) => {
        get().reportLoadError(`Could not load the load run's chart points: ${errorMessage(error)}`);
        return null;
      });
      if (full && get().loadRun?.id === full.id) set({ loadPoints: full.points.slice(-MAX_LOAD_POINTS) });
    };
    return {
      loadRun: null,
      loadPoints: [],
      loadOutcome: { status: 'idle' },
      startLoad: async (choice) => {
        try {
          set({ loadOutcome: { status: 'starting', sent: 0, total: 0 } });
          const { source } = choice;
          const request: LoadRequest =
            source.kind === 'count'
              ? { ...choice, source }
              : {
                  ...choice,
                  source: {
                    kind: 'csvUpload', sourceAddr: source.sourceAddr,
                    uploadId: await uploadFile(api, source.file, (sent, total) => set({ loadOutcome: { status: 'starting', sent, total } })),
                  },
                };
          const view = await api.startLoad(request);
          // Its first events may have come before this answer: they are newer, and stay.
          if (get().loadRun?.id !== view.id) set({ loadRun: view, loadPoints: view.points });
          set({ loadOutcome: { status: 'idle' } });
        } catch (error) {
          set({ loadOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
        }
      },
      stopLoad: async () => {
        const run = get().loadRun;
        if (!run) return;
        try {
          get().receiveLoadRun(await api.stopLoad({ runId: run.id }));
        } catch (error) {
          set({ loadOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
        }
      },
      receiveLoadRun: (view) => {
        const { loadRun, loadPoints } = get();
        if (loadRun?.id !== view.id) {
          set({ loadRun: view, loadPoints: view.points });
          if (view.points[0] !== undefined && view.points[0].second > 0) void refill(view.id);
          return;
        }
        const merged = mergePoints(loadPoints, view.points);
        set({ loadRun: view, loadPoints: merged.points });
        if (merged.gap) void refill(view.id);
      },
      loadLatestRun: async () => {
        const view = await api.loadStatus({}).catch((error: unknown) => {
          get().reportLoadError(`Could not load the latest load run: ${errorMessage(error)}`);
          return null;
        });
        if (view && get().loadRun === null) set({ loadRun: view, loadPoints: view.points.slice(-MAX_LOAD_POINTS) });
      },
    };
  };
}

/** Newer points appended (a second already held is replaced); `gap` when seconds were missed between the two. */
export function mergePoints(held: LoadPoint[], newest: LoadPoint[]): { points: LoadPoint[]; gap: boolean } {
  const last = held.at(-1)?.second ?? -1;
  const fresh = newest.filter((p) => p.second > last);
  if (fresh.length === 0) return { points: held, gap: false };
  const gap = fresh[0]!.second > last + 1;
  const points = held.concat(fresh);
  return { points: points.length > MAX_LOAD_POINTS ? points.slice(-MAX_LOAD_POINTS) : points, gap };
}

